//! Top-level members: addressing, delivery options, fallback and context.

use super::Validator;
use crate::rcs::issue::Code;
use crate::rcs::limits::{Field, is_pool_identity};
use crate::rcs::model::{FallbackConfiguration, SendRcsMessageRequest, repeats_earlier_key};
use crate::rcs::path::Member;

impl Validator {
    pub(super) fn request(&mut self, r: &SendRcsMessageRequest) {
        self.text(
            Member::DestinationPhoneNumber,
            Field::DestinationPhoneNumber,
            r.destination_phone_number.as_deref(),
        );
        self.text(
            Member::OriginationIdentity,
            Field::OriginationIdentity,
            r.origination_identity.as_deref(),
        );
        if let Some(content) = self.present(
            Member::RcsMessageContent,
            Field::RcsMessageContent,
            r.rcs_message_content.as_ref(),
        ) {
            self.at(Member::RcsMessageContent, |v| v.message_content(content));
        }
        if let Some(ttl) = r.time_to_live {
            #[expect(
                clippy::cast_precision_loss,
                reason = "the range check only places the value; integers beyond 2^53 are out of range whatever their rounding"
            )]
            self.number(Member::TimeToLive, Field::TimeToLive, Some(ttl as f64));
        }
        self.text(
            Member::MessageTrafficType,
            Field::MessageTrafficType,
            r.message_traffic_type.as_deref(),
        );
        if let Some(fallback) = &r.fallback_configuration {
            self.at(Member::FallbackConfiguration, |v| v.fallback(fallback));
        }
        self.text(
            Member::ProtectConfigurationId,
            Field::ProtectConfigurationId,
            r.protect_configuration_id.as_deref(),
        );
        self.text(
            Member::ConfigurationSetName,
            Field::ConfigurationSetName,
            r.configuration_set_name.as_deref(),
        );
        self.text(Member::MaxPrice, Field::MaxPrice, r.max_price.as_deref());
        if let Some(context) = &r.context {
            self.context(context);
        }
    }

    fn fallback(&mut self, f: &FallbackConfiguration) {
        self.text(
            Member::Channel,
            Field::FallbackChannel,
            f.channel.as_deref(),
        );
        self.text(
            Member::MessageBody,
            Field::FallbackMessageBody,
            f.message_body.as_deref(),
        );
        let channel = f.channel.as_deref();
        match channel {
            Some("SMS") if f.message_body.is_none() => self.at(Member::MessageBody, |v| {
                v.error(
                    Code::FallbackBodyRequired,
                    "An SMS fallback needs a message body.".to_owned(),
                );
            }),
            Some("MMS") if f.message_body.is_none() && f.media_urls.is_none() => {
                self.error(
                    Code::FallbackContentRequired,
                    "An MMS fallback needs a message body, a media URL, or both.".to_owned(),
                );
            }
            _ => {}
        }
        if let Some(urls) = &f.media_urls {
            if channel == Some("SMS") {
                self.at(Member::MediaUrls, |v| {
                    v.error(
                        Code::MediaOnlyForMms,
                        "Media URLs are only allowed with the MMS fallback channel; remove them or switch to MMS.".to_owned(),
                    );
                });
            } else {
                self.count(
                    Member::MediaUrls,
                    Field::FallbackMediaUrls,
                    Some(urls.len()),
                );
                self.at(Member::MediaUrls, |v| {
                    for (i, url) in urls.iter().enumerate() {
                        v.at_index(i, |v| v.text_value(Field::FallbackMediaUrl, url));
                    }
                });
            }
        }
        let origination = f.origination_identity.as_deref();
        self.text(
            Member::OriginationIdentity,
            Field::FallbackOriginationIdentity,
            origination,
        );
        if let Some(id) = origination
            && is_pool_identity(id)
        {
            self.at(Member::OriginationIdentity, |v| {
                v.error(
                    Code::FallbackPoolNotAllowed,
                    format!("The fallback cannot be sent from a pool ('{id}'); use a phone number, phone number ARN, sender id or sender id ARN, or leave it empty to let the service choose."),
                );
            });
        }
    }

    fn context(&mut self, context: &[(String, String)]) {
        self.count(Member::Context, Field::Context, Some(context.len()));
        self.at(Member::Context, |v| {
            for (i, (key, value)) in context.iter().enumerate() {
                v.at_key(key, |v| {
                    v.text_value(Field::ContextKey, key);
                    v.text_value(Field::ContextValue, value);
                    if repeats_earlier_key(context, i) {
                        let message = format!(
                            "Context key {} is already used by an earlier entry; a request keeps only one value per key. Rename or remove this entry.",
                            super::quote(key)
                        );
                        v.error(Code::DuplicateKey, message);
                    }
                });
            }
        });
    }
}
