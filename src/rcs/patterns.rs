//! The service model's string patterns (docs/service-constraints.md), matched whole-string.
//!
//! Hand-written rather than regexes: the validator runs on every keystroke in the editor and
//! must check the largest legal message in microseconds.

/// A pattern a string member must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// `\+?[1-9][0-9]{1,18}`: E.164-style phone numbers.
    Phone,
    /// `[A-Za-z0-9_:/\+-]+`: agent ids, ARNs, pool ids, phone numbers, sender ids.
    OriginationIdentity,
    /// `(https://|s3://).+`: media and thumbnail URLs.
    MediaUrl,
    /// `https://\S+`: the URL an `OpenUrl` action opens.
    HttpsUrl,
    /// `s3://([a-z0-9\.-]{3,63})/(.+)`: MMS fallback media.
    S3ObjectUrl,
    /// `[A-Za-z0-9_:/-]+`: configuration set and protect configuration names or ARNs.
    ResourceName,
    /// `[0-9]{0,2}\.[0-9]{1,5}`: a price in US dollars.
    Price,
    /// At least one character that is not white space.
    NotBlank,
    /// No white space at all (Context keys).
    NoWhitespace,
    /// No white space at the start or the end (Context values).
    NoEdgeWhitespace,
}

impl Pattern {
    #[must_use]
    pub fn matches(self, s: &str) -> bool {
        match self {
            Self::Phone => phone(s),
            Self::OriginationIdentity => {
                !s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"_:/+-".contains(&b))
            }
            Self::MediaUrl => {
                let rest = s
                    .strip_prefix("https://")
                    .or_else(|| s.strip_prefix("s3://"));
                rest.is_some_and(|r| !r.is_empty() && !has_line_break(r))
            }
            Self::HttpsUrl => s
                .strip_prefix("https://")
                .is_some_and(|r| !r.is_empty() && !has_whitespace(r)),
            Self::S3ObjectUrl => s3_object(s),
            Self::ResourceName => {
                !s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"_:/-".contains(&b))
            }
            Self::Price => price(s),
            Self::NotBlank => s.chars().any(|c| !is_space(c)),
            Self::NoWhitespace => !has_whitespace(s),
            Self::NoEdgeWhitespace => !s.starts_with(is_space) && !s.ends_with(is_space),
        }
    }

    /// The pattern as the service model writes it, for documentation and error details.
    #[must_use]
    pub const fn regex(self) -> &'static str {
        match self {
            Self::Phone => r"\+?[1-9][0-9]{1,18}",
            Self::OriginationIdentity => r"[A-Za-z0-9_:/\+-]+",
            Self::MediaUrl => r"(https://|s3://).+",
            Self::HttpsUrl => r"https://\S+",
            Self::S3ObjectUrl => r"s3://([a-z0-9\.-]{3,63})/(.+)",
            Self::ResourceName => r"[A-Za-z0-9_:/-]+",
            Self::Price => r"[0-9]{0,2}\.[0-9]{1,5}",
            Self::NotBlank => r"\S",
            Self::NoWhitespace => r"\S+",
            Self::NoEdgeWhitespace => r"\S(.*\S)?",
        }
    }

    /// What a marketer must do, completing "<field> must …".
    #[must_use]
    pub const fn requirement(self) -> &'static str {
        match self {
            Self::Phone => "be a phone number in E.164 format, such as +14255550123",
            Self::OriginationIdentity => {
                "contain only letters, digits and _ : / + - (an RCS agent id or ARN, a pool id or ARN, a phone number or a sender id)"
            }
            Self::MediaUrl => "start with s3:// or https:// and fit on one line",
            Self::HttpsUrl => "start with https:// and contain no spaces",
            Self::S3ObjectUrl => {
                "be an S3 object URL such as s3://my-bucket/image.jpg (bucket name of 3–63 lower-case letters, digits, dots or hyphens)"
            }
            Self::ResourceName => "contain only letters, digits and _ : / -",
            Self::Price => {
                "be a US dollar amount such as 0.05 (up to 2 digits, a dot, 1 to 5 decimals)"
            }
            Self::NotBlank => "contain more than white space",
            Self::NoWhitespace => "contain no white space",
            Self::NoEdgeWhitespace => "not start or end with white space",
        }
    }
}

/// Why a value does not match, in a marketer's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mismatch {
    /// The value stops where the real content should begin (a URL that is only its scheme,
    /// as a new field starts out): what to add.
    Incomplete(&'static str),
    /// What the value must do, completing "<field> must …".
    Must(&'static str),
}

const ADD_ADDRESS: &str = "add the address after https://";
const ADD_BUCKET_AND_KEY: &str = "add the bucket and key after s3://";

impl Pattern {
    /// Why `value`, which does not match, is wrong: what is missing when it is only the start
    /// of a URL, else the part of the requirement it breaks, so the message never asks for
    /// what the value already has.
    #[must_use]
    pub fn mismatch(self, value: &str) -> Mismatch {
        match self {
            Self::MediaUrl => match value {
                "https://" => Mismatch::Incomplete(ADD_ADDRESS),
                "s3://" => Mismatch::Incomplete(ADD_BUCKET_AND_KEY),
                _ if value.starts_with("https://") || value.starts_with("s3://") => {
                    Mismatch::Must("fit on one line")
                }
                _ => Mismatch::Must("start with s3:// or https://"),
            },
            Self::HttpsUrl => match value {
                "https://" => Mismatch::Incomplete(ADD_ADDRESS),
                _ if value.starts_with("https://") => Mismatch::Must("contain no white space"),
                _ => Mismatch::Must(self.requirement()),
            },
            Self::S3ObjectUrl => {
                let bucket_only = value.strip_prefix("s3://").is_some_and(|rest| {
                    let bucket = rest.strip_suffix('/').unwrap_or(rest);
                    !bucket.contains('/') && s3_bucket(bucket)
                });
                if value == "s3://" {
                    Mismatch::Incomplete(ADD_BUCKET_AND_KEY)
                } else if bucket_only {
                    Mismatch::Incomplete(
                        "add the object key after the bucket, as in s3://my-bucket/image.jpg",
                    )
                } else {
                    Mismatch::Must(self.requirement())
                }
            }
            _ => Mismatch::Must(self.requirement()),
        }
    }
}

/// ECMAScript's `\s`: Unicode white space plus the byte-order mark.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// True when every byte lies in `lo..0x80`: plain ASCII above the given control range.
/// Written as a branch-free fold over fixed chunks so that the compiler vectorises it: the
/// validator scans kilobytes of URLs per message on every keystroke.
#[expect(
    clippy::needless_bitwise_bool,
    reason = "bitwise & keeps the loop branch-free so it vectorises"
)]
fn ascii_from(s: &str, lo: u8) -> bool {
    s.as_bytes().chunks(64).all(|chunk| {
        chunk
            .iter()
            .fold(true, |ok, &b| ok & (b >= lo) & (b < 0x80))
    })
}

fn has_whitespace(s: &str) -> bool {
    // Every ASCII white-space character is at most 0x20.
    if ascii_from(s, 0x21) {
        return false;
    }
    s.chars().any(is_space)
}

/// Characters ECMAScript's `.` does not match.
fn has_line_break(s: &str) -> bool {
    // '\n' and '\r' are below 0x0e.
    if ascii_from(s, 0x0e) {
        return false;
    }
    s.chars()
        .any(|c| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'))
}

fn phone(s: &str) -> bool {
    let digits = s.strip_prefix('+').unwrap_or(s).as_bytes();
    (2..=19).contains(&digits.len())
        && (b'1'..=b'9').contains(&digits[0])
        && digits.iter().all(u8::is_ascii_digit)
}

/// A phone number in strict E.164 form (`+`, a country code not starting with 0, at most 15
/// digits in all), as the API reference asks for `DestinationPhoneNumber`
/// (docs/campaign-audiences.md). Returns the number as an
/// integer key (15 digits fit in a `u64`), so that an audience of millions can be checked for
/// repeats without keeping its numbers as strings.
#[must_use]
pub fn e164_key(s: &str) -> Option<u64> {
    let digits = s.strip_prefix('+')?;
    let ok = (2..=15).contains(&digits.len())
        && digits.as_bytes()[0] != b'0'
        && digits.bytes().all(|b| b.is_ascii_digit());
    if ok { digits.parse().ok() } else { None }
}

fn s3_object(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("s3://") else {
        return false;
    };
    // The bucket class has no '/', so the regex splits at the first '/'.
    let Some((bucket, key)) = rest.split_once('/') else {
        return false;
    };
    s3_bucket(bucket) && !key.is_empty() && !has_line_break(key)
}

/// `[a-z0-9\.-]{3,63}`: the bucket part of an S3 object URL.
fn s3_bucket(bucket: &str) -> bool {
    (3..=63).contains(&bucket.len())
        && bucket
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
}

fn price(s: &str) -> bool {
    let Some((whole, fraction)) = s.split_once('.') else {
        return false;
    };
    whole.len() <= 2
        && whole.bytes().all(|b| b.is_ascii_digit())
        && (1..=5).contains(&fraction.len())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::Pattern::*;
    use super::e164_key;

    #[test]
    fn e164_keys() {
        assert_eq!(e164_key("+14255550123"), Some(14_255_550_123));
        assert_eq!(e164_key("+999999999999999"), Some(999_999_999_999_999));
        for bad in [
            "14255550123",
            "+0425",
            "+1",
            "+1234567890123456",
            "+1 425 555",
            "+1-425",
            "",
            "+",
        ] {
            assert_eq!(e164_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn phone_numbers() {
        for ok in ["+14255550123", "14255550123", "+12", "+1234567890123456789"] {
            assert!(Phone.matches(ok), "{ok}");
        }
        for bad in [
            "+1",
            "+0425",
            "+12345678901234567890",
            "+1 425",
            "",
            "+",
            "++12",
        ] {
            assert!(!Phone.matches(bad), "{bad}");
        }
    }

    #[test]
    fn media_urls() {
        assert!(MediaUrl.matches("s3://b/k.png"));
        assert!(MediaUrl.matches("https://x"));
        assert!(!MediaUrl.matches("http://x"));
        assert!(!MediaUrl.matches("s3://"));
        assert!(!MediaUrl.matches("https://a\nb"));
        assert!(MediaUrl.matches("https://a b"));
    }

    #[test]
    fn https_urls() {
        assert!(HttpsUrl.matches("https://example.com/é"));
        assert!(!HttpsUrl.matches("https://example.com/a b"));
        assert!(!HttpsUrl.matches("https://example.com/a\u{3000}b"));
        assert!(!HttpsUrl.matches("http://example.com"));
        assert!(!HttpsUrl.matches("https://"));
    }

    #[test]
    fn s3_objects() {
        assert!(S3ObjectUrl.matches("s3://my-bucket.x/a/b.jpg"));
        assert!(!S3ObjectUrl.matches("s3://ab/k"));
        assert!(!S3ObjectUrl.matches("s3://My-Bucket/k"));
        assert!(!S3ObjectUrl.matches("s3://bucket/"));
        assert!(!S3ObjectUrl.matches("https://bucket/k"));
        assert!(S3ObjectUrl.matches(&format!("s3://{}/k", "a".repeat(63))));
        assert!(!S3ObjectUrl.matches(&format!("s3://{}/k", "a".repeat(64))));
    }

    #[test]
    fn a_bare_scheme_asks_for_what_is_missing() {
        use super::Mismatch::{Incomplete, Must};
        assert_eq!(
            MediaUrl.mismatch("s3://"),
            Incomplete(super::ADD_BUCKET_AND_KEY)
        );
        assert_eq!(
            MediaUrl.mismatch("https://"),
            Incomplete(super::ADD_ADDRESS)
        );
        assert_eq!(
            HttpsUrl.mismatch("https://"),
            Incomplete(super::ADD_ADDRESS)
        );
        assert_eq!(
            S3ObjectUrl.mismatch("s3://"),
            Incomplete(super::ADD_BUCKET_AND_KEY)
        );
        for bucket_only in ["s3://my-bucket", "s3://my-bucket/"] {
            assert!(
                matches!(S3ObjectUrl.mismatch(bucket_only), Incomplete(a) if a.contains("object key")),
                "{bucket_only}"
            );
        }
        // A value with the right start is told what else is wrong, not to start right.
        assert_eq!(MediaUrl.mismatch("https://a\nb"), Must("fit on one line"));
        assert_eq!(
            HttpsUrl.mismatch("https://a b"),
            Must("contain no white space")
        );
        assert_eq!(
            MediaUrl.mismatch("http://x"),
            Must("start with s3:// or https://")
        );
        assert_eq!(HttpsUrl.mismatch("http://x"), Must(HttpsUrl.requirement()));
        assert_eq!(
            S3ObjectUrl.mismatch("s3://ab/k"),
            Must(S3ObjectUrl.requirement())
        );
        assert_eq!(Price.mismatch("5"), Must(Price.requirement()));
    }

    #[test]
    fn prices() {
        for ok in [".5", "0.05", "12.12345", "1.0"] {
            assert!(Price.matches(ok), "{ok}");
        }
        for bad in ["123.1", "1", "1.", "1.123456", "a.1", "1.1.1"] {
            assert!(!Price.matches(bad), "{bad}");
        }
    }

    #[test]
    fn whitespace_rules() {
        assert!(NotBlank.matches(" a "));
        assert!(!NotBlank.matches(" \t\u{3000}"));
        assert!(NoWhitespace.matches("campaign_id"));
        assert!(!NoWhitespace.matches("campaign id"));
        assert!(NoEdgeWhitespace.matches("a b"));
        assert!(!NoEdgeWhitespace.matches(" a"));
        assert!(!NoEdgeWhitespace.matches("a\n"));
    }

    #[test]
    fn identities_and_names() {
        assert!(OriginationIdentity.matches("arn:aws:sms-voice:us-east-1:123:rcs-agent/agent_1+x"));
        assert!(!OriginationIdentity.matches("agent 1"));
        assert!(ResourceName.matches("my-config_set:1/x"));
        assert!(!ResourceName.matches("my+set"));
    }
}
