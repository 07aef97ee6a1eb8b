//! Member paths in AWS notation: `RcsMessageContent.Content.Carousel.CardContents[3].Title`.
//! Members are named by [`Member`], never by a string, so that a misspelt member fails to
//! compile instead of hiding an issue from the field it belongs to. The validator builds its
//! paths with these helpers and the editor finds its issues with the same ones.

use crate::rcs::model::{ActionKind, ContentKind};

/// Every member of `SendRcsMessage` that a path can name, spelt as the API spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Member {
    RcsMessageContent,
    Content,
    TextMessage,
    Body,
    FileMessage,
    FileUrl,
    ThumbnailUrl,
    RichCard,
    CardOrientation,
    ThumbnailImageAlignment,
    CardContent,
    Title,
    Description,
    Media,
    Height,
    Suggestions,
    Carousel,
    CardWidth,
    CardContents,
    Reply,
    OpenUrl,
    Url,
    Application,
    WebviewViewMode,
    DialPhone,
    PhoneNumber,
    ShowLocation,
    Latitude,
    Longitude,
    Label,
    RequestLocation,
    CreateCalendarEvent,
    StartTime,
    EndTime,
    Text,
    PostbackData,
    DestinationPhoneNumber,
    OriginationIdentity,
    ConfigurationSetName,
    MaxPrice,
    TimeToLive,
    Context,
    DryRun,
    ProtectConfigurationId,
    MessageFeedbackEnabled,
    MessageTrafficType,
    FallbackConfiguration,
    Channel,
    MessageBody,
    MediaUrls,
}

impl Member {
    /// The member's name in the API.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::RcsMessageContent => "RcsMessageContent",
            Self::Content => "Content",
            Self::TextMessage => "TextMessage",
            Self::Body => "Body",
            Self::FileMessage => "FileMessage",
            Self::FileUrl => "FileUrl",
            Self::ThumbnailUrl => "ThumbnailUrl",
            Self::RichCard => "RichCard",
            Self::CardOrientation => "CardOrientation",
            Self::ThumbnailImageAlignment => "ThumbnailImageAlignment",
            Self::CardContent => "CardContent",
            Self::Title => "Title",
            Self::Description => "Description",
            Self::Media => "Media",
            Self::Height => "Height",
            Self::Suggestions => "Suggestions",
            Self::Carousel => "Carousel",
            Self::CardWidth => "CardWidth",
            Self::CardContents => "CardContents",
            Self::Reply => "Reply",
            Self::OpenUrl => "OpenUrl",
            Self::Url => "Url",
            Self::Application => "Application",
            Self::WebviewViewMode => "WebviewViewMode",
            Self::DialPhone => "DialPhone",
            Self::PhoneNumber => "PhoneNumber",
            Self::ShowLocation => "ShowLocation",
            Self::Latitude => "Latitude",
            Self::Longitude => "Longitude",
            Self::Label => "Label",
            Self::RequestLocation => "RequestLocation",
            Self::CreateCalendarEvent => "CreateCalendarEvent",
            Self::StartTime => "StartTime",
            Self::EndTime => "EndTime",
            Self::Text => "Text",
            Self::PostbackData => "PostbackData",
            Self::DestinationPhoneNumber => "DestinationPhoneNumber",
            Self::OriginationIdentity => "OriginationIdentity",
            Self::ConfigurationSetName => "ConfigurationSetName",
            Self::MaxPrice => "MaxPrice",
            Self::TimeToLive => "TimeToLive",
            Self::Context => "Context",
            Self::DryRun => "DryRun",
            Self::ProtectConfigurationId => "ProtectConfigurationId",
            Self::MessageFeedbackEnabled => "MessageFeedbackEnabled",
            Self::MessageTrafficType => "MessageTrafficType",
            Self::FallbackConfiguration => "FallbackConfiguration",
            Self::Channel => "Channel",
            Self::MessageBody => "MessageBody",
            Self::MediaUrls => "MediaUrls",
        }
    }
}

impl From<ActionKind> for Member {
    fn from(kind: ActionKind) -> Self {
        match kind {
            ActionKind::Reply => Self::Reply,
            ActionKind::OpenUrl => Self::OpenUrl,
            ActionKind::DialPhone => Self::DialPhone,
            ActionKind::ShowLocation => Self::ShowLocation,
            ActionKind::RequestLocation => Self::RequestLocation,
            ActionKind::CreateCalendarEvent => Self::CreateCalendarEvent,
        }
    }
}

impl From<ContentKind> for Member {
    fn from(kind: ContentKind) -> Self {
        match kind {
            ContentKind::Text => Self::TextMessage,
            ContentKind::File => Self::FileMessage,
            ContentKind::RichCard => Self::RichCard,
            ContentKind::Carousel => Self::Carousel,
        }
    }
}

/// A growable path that the validator pushes members onto and truncates back, so that walking
/// a message allocates nothing unless an issue is reported.
#[derive(Debug, Default, Clone)]
pub struct PathBuf {
    buf: String,
}

/// A point to truncate back to.
#[derive(Debug, Clone, Copy)]
pub struct Mark(usize);

impl PathBuf {
    #[must_use]
    pub fn new() -> Self {
        Self {
            buf: String::with_capacity(128),
        }
    }

    /// The path of `members`, one inside the other.
    #[must_use]
    pub fn of(members: &[Member]) -> Self {
        let mut p = Self::new();
        for m in members {
            p.member(*m);
        }
        p
    }

    /// Appends `.Member` (or `Member` at the root).
    pub fn member(&mut self, member: impl Into<Member>) -> Mark {
        self.segment(member.into().name())
    }

    /// Appends a map key (a Context key), which is data rather than a member name.
    pub fn key(&mut self, key: &str) -> Mark {
        self.segment(key)
    }

    fn segment(&mut self, name: &str) -> Mark {
        let mark = Mark(self.buf.len());
        if !self.buf.is_empty() {
            self.buf.push('.');
        }
        self.buf.push_str(name);
        mark
    }

    /// This path with `[index]` appended, as a new path.
    #[must_use]
    pub fn with_index(&self, index: usize) -> Self {
        let mut p = self.clone();
        p.index(index);
        p
    }

    /// This path with `.member` appended, as a new path.
    #[must_use]
    pub fn with(&self, member: impl Into<Member>) -> Self {
        let mut p = self.clone();
        p.member(member);
        p
    }

    /// Appends `[index]`.
    pub fn index(&mut self, index: usize) -> Mark {
        use std::fmt::Write;
        let mark = Mark(self.buf.len());
        // Reason: writing to a String cannot fail.
        let _ = write!(self.buf, "[{index}]");
        mark
    }

    pub fn reset(&mut self, mark: Mark) {
        self.buf.truncate(mark.0);
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.buf
    }
}

impl std::fmt::Display for PathBuf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.buf)
    }
}

impl From<PathBuf> for String {
    fn from(p: PathBuf) -> Self {
        p.buf
    }
}

/// Joins a parent path and a member name.
#[must_use]
pub fn join(parent: &str, member: &str) -> String {
    if parent.is_empty() {
        member.to_owned()
    } else {
        format!("{parent}.{member}")
    }
}

/// True when `path` is `parent` or lies inside it (`parent.x`, `parent[2]`).
#[must_use]
pub fn is_at_or_under(path: &str, parent: &str) -> bool {
    if parent.is_empty() {
        return true;
    }
    path.strip_prefix(parent)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_resets() {
        let mut p = PathBuf::new();
        let root = p.member(Member::RcsMessageContent);
        p.member(Member::Content);
        let m = p.member(ContentKind::Carousel);
        p.member(Member::CardContents);
        p.index(3);
        assert_eq!(
            p.as_str(),
            "RcsMessageContent.Content.Carousel.CardContents[3]"
        );
        p.reset(m);
        assert_eq!(p.as_str(), "RcsMessageContent.Content");
        p.reset(root);
        assert_eq!(p.as_str(), "");
    }

    #[test]
    fn members_are_spelt_as_the_api_spells_them() {
        let mut p = PathBuf::of(&[Member::RcsMessageContent, Member::Suggestions]);
        p.index(0);
        p.member(ActionKind::OpenUrl);
        p.member(Member::Url);
        assert_eq!(p.as_str(), "RcsMessageContent.Suggestions[0].OpenUrl.Url");
        let mut c = PathBuf::of(&[Member::Context]);
        c.key("campaign");
        assert_eq!(c.to_string(), "Context.campaign");
    }

    #[test]
    fn containment() {
        assert!(is_at_or_under("A.B[1].C", "A.B"));
        assert!(is_at_or_under("A.B", "A.B"));
        assert!(!is_at_or_under("A.BC", "A.B"));
        assert!(is_at_or_under("A", ""));
    }
}
