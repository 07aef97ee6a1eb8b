//! Dry runs and real sends from the window: the validator first, a confirmation for real
//! sends, one request in flight at a time, results into the history and onto the fields.

use super::{App, Dialog};
use crate::aws::{Connection, FailureKind};
use crate::rcs::issue::{Code, Issue, has_errors};
use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::validate::{Mode, validate};
use crate::ui::command::Command;
use crate::ui::jobs::Job;
use crate::ui::net::{NetDone, NetJob};
use crate::ui::send_panel::HistoryEntry;

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `rcsMessageContent.content` → `RcsMessageContent.Content`: the service's field names in
/// the core's notation, so its verdict lands on the editor's fields.
#[must_use]
pub fn service_path(name: &str) -> String {
    name.split('.')
        .map(|segment| {
            let mut chars = segment.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(".")
}

impl App {
    /// The active connection (the sandbox until one is chosen).
    #[must_use]
    pub fn connection(&self) -> Connection {
        self.settings
            .connection
            .clone()
            .unwrap_or(Connection::Sandbox)
    }

    /// The request as it would be sent: the template filled in with the values the preview
    /// shows (the audience row's or the sample values), plus the chosen test recipient (a
    /// destination written into the template wins).
    #[must_use]
    pub fn send_request(&self) -> SendRcsMessageRequest {
        let mut r = self
            .personal()
            .map_or_else(|| self.draft.request.clone(), |p| p.filled.request.clone());
        r.destination_phone_number = self
            .draft
            .request
            .destination_phone_number
            .clone()
            .or_else(|| self.settings.recipient.clone());
        r
    }

    /// The for-send checks of the request as it would be sent: a placeholder without a value
    /// is an error there (a test phone should receive what a recipient would), reported once.
    pub(super) fn refresh_send_issues(&mut self) {
        let missing: Vec<Issue> = self
            .personal()
            .map(|p| {
                p.filled
                    .issues
                    .iter()
                    .filter(|i| i.code == Code::MissingValue)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let checked = validate(&self.send_request(), Mode::Send);
        self.send_issues.clone_from(&missing);
        self.send_issues.extend(
            checked
                .into_iter()
                .filter(|i| !missing.iter().any(|m| i.is_at_or_under(&m.path))),
        );
    }

    /// The for-send issues of [`Self::send_request`].
    #[must_use]
    pub fn send_request_issues(&self) -> &[Issue] {
        &self.send_issues
    }

    /// Where the test send's placeholder values come from, in words.
    #[must_use]
    pub fn send_values_note(&self) -> Option<String> {
        let p = self.personal()?;
        Some(match &p.source {
            crate::ui::campaign::Source::Row { .. } => format!(
                "Placeholders are filled with {}, as the preview shows.",
                p.describe()
            ),
            crate::ui::campaign::Source::Samples { any: true } => {
                "Placeholders are filled with your sample values (Audience tab), as the preview shows.".to_owned()
            }
            crate::ui::campaign::Source::Samples { any: false } => {
                "The template has placeholders but no values: enter sample values or open an audience in the Audience tab.".to_owned()
            }
        })
    }

    pub(super) fn apply_send(&mut self, command: Command) {
        match command {
            Command::SetConnection(c) => {
                self.settings.connection = Some(c);
                self.save_settings();
                // The account panels show the other account now.
                let open = self.account.open;
                self.account = crate::ui::account::AccountState {
                    open,
                    ..Default::default()
                };
                if open {
                    for op in self.account.refresh_ops() {
                        self.account_request(op);
                    }
                }
            }
            Command::AddRecipient(number) => {
                if !self.settings.test_recipients.contains(&number) {
                    self.settings.test_recipients.push(number.clone());
                }
                self.settings.recipient = Some(number);
                self.save_settings();
                self.refresh();
            }
            Command::RemoveRecipient(number) => {
                self.settings.test_recipients.retain(|r| *r != number);
                if self.settings.recipient.as_deref() == Some(number.as_str()) {
                    self.settings.recipient = self.settings.test_recipients.first().cloned();
                }
                self.save_settings();
                self.refresh();
            }
            Command::ChooseRecipient(number) => {
                self.settings.recipient = Some(number);
                self.save_settings();
                self.refresh();
            }
            Command::DestinationIntoTemplate => {
                if let Some(r) = self.settings.recipient.clone() {
                    self.draft.request.destination_phone_number = Some(r);
                    self.refresh();
                }
            }
            Command::DryRun => self.start_send(true),
            Command::Send => self.confirm_send(),
            Command::ConfirmedSend => self.start_send(false),
            _ => {}
        }
    }

    fn save_settings(&mut self) {
        self.jobs.submit(Job::WriteSettings(self.settings.clone()));
    }

    /// The confirmation a real send needs, naming everything that decides where it goes.
    fn confirm_send(&mut self) {
        if self.send.in_flight.is_some() || !self.sendable() {
            return;
        }
        let r = self.send_request();
        let (profile, region, endpoint) = self.connection_parts();
        let fallback = r.fallback_configuration.as_ref().map_or_else(
            || "none".to_owned(),
            |f| {
                format!(
                    "{} — {}",
                    f.channel.as_deref().unwrap_or("?"),
                    f.message_body.as_deref().unwrap_or("(no body)")
                )
            },
        );
        let mut lines = vec![
            (
                "Destination".to_owned(),
                r.destination_phone_number.clone().unwrap_or_default(),
            ),
            (
                "Origination".to_owned(),
                r.origination_identity.clone().unwrap_or_default(),
            ),
            ("Profile".to_owned(), profile),
            ("Region".to_owned(), region),
            ("Endpoint".to_owned(), endpoint),
            ("Fallback".to_owned(), fallback),
            (
                "Maximum price".to_owned(),
                r.max_price.clone().unwrap_or_else(|| "no cap".into()),
            ),
        ];
        if r.dry_run == Some(true) {
            lines.push((
                "Note".to_owned(),
                "The template sets DryRun: nothing will be delivered.".to_owned(),
            ));
        }
        let sandbox = matches!(self.connection(), Connection::Sandbox);
        self.dialog = Some(Dialog::ConfirmSend { sandbox, lines });
    }

    /// Profile, region and endpoint of the active connection, for confirmations.
    pub(super) fn connection_parts(&self) -> (String, String, String) {
        match self.connection() {
            Connection::Sandbox => (
                "local sandbox".to_owned(),
                "us-east-1 (sandbox)".to_owned(),
                self.send
                    .sandbox_url
                    .clone()
                    .unwrap_or_else(|| "started on first use".into()),
            ),
            Connection::Aws(t) => (
                t.profile.unwrap_or_else(|| "AWS_PROFILE or default".into()),
                t.region.unwrap_or_else(|| "from the profile".into()),
                t.endpoint_url.unwrap_or_else(|| "the service's".into()),
            ),
        }
    }

    fn sendable(&self) -> bool {
        !has_errors(&self.send_issues)
    }

    fn start_send(&mut self, dry_run: bool) {
        // One request at a time: a second click, or a click while the first is in flight, is
        // ignored.
        if self.send.in_flight.is_some() || !self.sendable() {
            return;
        }
        let mut request = self.send_request();
        if dry_run {
            request.dry_run = Some(true);
        }
        let connection = self.connection();
        self.send.next_id += 1;
        let id = self.send.next_id;
        self.send.in_flight = Some(id);
        self.send.last_failure = None;
        self.send.history.push(HistoryEntry {
            id,
            at: now(),
            destination: request.destination_phone_number.clone().unwrap_or_default(),
            dry_run: request.dry_run == Some(true),
            connection: connection.describe(),
            outcome: None,
        });
        self.net.submit(NetJob::Send {
            id,
            connection,
            request: Box::new(request),
        });
    }

    pub(super) fn on_net_done(&mut self, done: NetDone) {
        match done {
            NetDone::Probed { has_credentials } => {
                if self.settings.connection.is_none() {
                    self.settings.connection = Some(if has_credentials {
                        Connection::Aws(crate::aws::AwsTarget::default())
                    } else {
                        Connection::Sandbox
                    });
                }
            }
            NetDone::Profiles(p) => self.send.profiles = p,
            NetDone::Account { op, result } => {
                for next in self.account.on_done(&op, result) {
                    self.account_request(next);
                }
            }
            NetDone::SandboxStarted(url) => self.send.sandbox_url = Some(url),
            NetDone::CampaignPrepared { id, result } => self.on_campaign_prepared(id, result),
            NetDone::CampaignDone { id, result } => self.on_campaign_done(id, result),
            NetDone::Sent { id, result } => {
                if self.send.in_flight == Some(id) {
                    self.send.in_flight = None;
                }
                let outcome = match &result {
                    Ok(message_id) => {
                        self.status = Some((format!("Accepted: MessageId {message_id}"), false));
                        Ok(message_id.clone())
                    }
                    Err(f) => Err(f.message.clone()),
                };
                if let Some(entry) = self.send.history.iter_mut().find(|h| h.id == id) {
                    entry.outcome = Some(outcome);
                }
                if let Err(f) = result {
                    if f.kind == FailureKind::Validation {
                        self.service_issues = f
                            .fields
                            .iter()
                            .map(|(name, message)| {
                                Issue::error(
                                    service_path(name),
                                    Code::RejectedByService,
                                    format!("The service says: {message}"),
                                )
                            })
                            .collect();
                        self.refresh();
                    }
                    self.send.last_failure = Some(f);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn service_field_names_map_to_core_paths() {
        assert_eq!(
            super::service_path("rcsMessageContent.content.richCard.cardContent.title"),
            "RcsMessageContent.Content.RichCard.CardContent.Title"
        );
        assert_eq!(
            super::service_path(
                "RcsMessageContent.Content.Carousel.CardContents[3].Suggestions[1].Reply.Text"
            ),
            "RcsMessageContent.Content.Carousel.CardContents[3].Suggestions[1].Reply.Text"
        );
    }
}
