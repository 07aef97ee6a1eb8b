//! The document being edited, without any egui: the draft, its undo history, the copy last
//! opened or saved, and what derives from it (issues, size, dirtiness, the personalised and
//! the to-be-sent request, the service's verdict on it). The window applies an edit, derives,
//! and paints the result in the same frame.

pub mod derive;
pub mod draft;
pub mod history;
pub mod issues;
pub mod problems;
pub mod rendering;
pub mod verdict;

use std::path::PathBuf;
use std::sync::Arc;

use crate::rcs::model::SendRcsMessageRequest;
pub use derive::{Derived, Surroundings};
use draft::Draft;
pub use history::Edit;
use history::History;
pub use issues::IssueIndex;
pub use problems::Problems;
use rendering::RenderingCache;
use verdict::Verdict;

#[derive(Debug)]
pub struct Document {
    pub draft: Draft,
    /// Where the template was opened from or saved to.
    pub path: Option<PathBuf>,
    /// The request as last opened or saved: the draft is dirty when it differs.
    saved: SendRcsMessageRequest,
    /// The request being written by an unfinished save.
    saving: Option<(PathBuf, SendRcsMessageRequest)>,
    history: History<Draft>,
    /// The draft as of the last recorded edit: the state an edit that opens a step goes back to.
    committed: Draft,
    /// The service's answer to the last request, while the request to send is still that one.
    verdict: Option<Verdict>,
    derived: Derived,
    /// What the phone makes of the template (its findings go to the issues) and of the
    /// request the preview shows, laid out again only when they change.
    phone_template: RenderingCache,
    phone_preview: RenderingCache,
    /// The Checks list, and the preview's own list (of the request it shows).
    problems: problems::Memo,
    preview_problems: problems::Memo,
    /// Counts derivations: work started for an older generation is about an older draft.
    generation: u64,
}

impl Default for Document {
    fn default() -> Self {
        let draft = Draft::blank();
        Self::new(draft.request.clone(), None, draft.request)
    }
}

impl Document {
    /// A document over `request`, last saved as `saved`, with a fresh history. Not derived:
    /// call [`Self::derive`].
    #[must_use]
    pub fn new(
        request: SendRcsMessageRequest,
        path: Option<PathBuf>,
        saved: SendRcsMessageRequest,
    ) -> Self {
        let draft = Draft::new(request);
        Self {
            committed: draft.clone(),
            draft,
            path,
            saved,
            saving: None,
            history: History::default(),
            verdict: None,
            derived: Derived::default(),
            phone_template: RenderingCache::default(),
            phone_preview: RenderingCache::default(),
            problems: problems::Memo::default(),
            preview_problems: problems::Memo::default(),
            generation: 0,
        }
    }

    /// Replaces the whole document (open, new, recover): a fresh history, no verdict. A save
    /// in progress stays tracked.
    pub fn replace(
        &mut self,
        request: SendRcsMessageRequest,
        path: Option<PathBuf>,
        saved: SendRcsMessageRequest,
    ) {
        let saving = self.saving.take();
        let generation = self.generation;
        *self = Self::new(request, path, saved);
        self.saving = saving;
        self.generation = generation;
    }

    /// Records that the draft was changed in place by `edit` at `now` (seconds).
    pub fn edited(&mut self, edit: &Edit, now: f64) {
        self.draft.sync_ids();
        if let Edit::Field(path) = edit
            && self.history.continues(edit, now)
            && self.follow_field(path)
        {
            // Typing on in the same field: no new step, and `committed` follows by copying
            // that field alone (a copy of a large draft is a good part of a keystroke).
            self.history.go_on(edit, now);
            debug_assert!(self.committed == self.draft, "only {path} was typed in");
            return;
        }
        let committed = std::mem::replace(&mut self.committed, self.draft.clone());
        self.history.record(edit, now, || committed);
    }

    /// Copies the free-text member at `path` from the draft into `committed`; false when
    /// `path` names no such member.
    fn follow_field(&mut self, path: &str) -> bool {
        let Some(value) = crate::rcs::walk::with_slot(&mut self.draft.request, path, |s| s.clone())
        else {
            return false;
        };
        crate::rcs::walk::with_slot(&mut self.committed.request, path, |slot| *slot = value)
            .is_some()
    }

    /// Changes the draft with `f` as one discrete action (an undo step of its own).
    pub fn act(&mut self, now: f64, f: impl FnOnce(&mut Draft)) {
        f(&mut self.draft);
        self.edited(&Edit::Action, now);
    }

    /// Undo (`true`) or redo one step; false when there is none.
    pub fn step_history(&mut self, undo: bool) -> bool {
        let current = self.draft.clone();
        let next = if undo {
            self.history.undo(current)
        } else {
            self.history.redo(current)
        };
        let Some(mut draft) = next else {
            return false;
        };
        draft.sync_ids();
        self.committed = draft.clone();
        self.draft = draft;
        true
    }

    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Recomputes everything that derives from the draft.
    pub fn derive(&mut self, s: &Surroundings<'_>) {
        // Found once, in place: walking every text of a large message is a good part of a
        // keystroke.
        let placeholder_names = crate::rcs::personalise::names_in_place(&mut self.draft.request);
        let template = &self.draft.request;
        let personal = derive::personal(template, &placeholder_names, s);
        let send_request = derive::send_request(template, personal.as_ref(), s);
        if self
            .verdict
            .as_ref()
            .is_some_and(|v| !v.holds_for(&send_request))
        {
            self.verdict = None;
        }
        let service = self.verdict.as_ref().map_or(&[][..], |v| &v.issues);
        let shown = match &personal {
            Some(p) if p.shown() => &p.filled.request,
            _ => template,
        };
        let rendering = self.phone_preview.get(shown);
        // Without values to fill in, the preview shows the template itself: one layout.
        let template_rendering = if std::ptr::eq(shown, template) {
            Arc::clone(&rendering)
        } else {
            self.phone_template.get(template)
        };
        let template_findings = &template_rendering.findings;
        let issues = derive::template_issues(template, service, template_findings, s);
        // The shown request's findings: an audience row's filled-in text may be cut where the
        // template's is not.
        let preview_problems = self
            .preview_problems
            .get(&derive::preview_issues(&issues), &rendering.findings);
        self.derived = Derived {
            problems: self.problems.get(&issues.all, template_findings),
            preview_problems,
            issues,
            rendering,
            dirty: *template != self.saved,
            send_issues: derive::send_issues(&send_request, personal.as_ref(), service),
            placeholder_names,
            personal,
            send_request,
        };
        self.generation += 1;
    }

    #[must_use]
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    /// The draft to edit beside what derives from it and the verdict, borrowed apart.
    pub fn parts_mut(&mut self) -> (&mut Draft, &Derived, Option<&Verdict>) {
        (&mut self.draft, &self.derived, self.verdict.as_ref())
    }

    /// The request the preview shows: filled in when there are values to fill in with.
    #[must_use]
    pub fn preview_request(&self) -> &SendRcsMessageRequest {
        match &self.derived.personal {
            Some(p) if p.shown() => &p.filled.request,
            _ => &self.draft.request,
        }
    }

    #[must_use]
    pub fn issues(&self) -> &IssueIndex {
        &self.derived.issues
    }

    /// The template's problems as the Checks list shows them.
    #[must_use]
    pub fn problems(&self) -> &Problems {
        &self.derived.problems
    }

    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.derived.dirty
    }

    /// Changes with every derivation.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The service answered `sent` (made at `generation`). The answer is kept only while it is
    /// about the request to send; call [`Self::derive`] next.
    pub fn set_verdict(
        &mut self,
        sent: &SendRcsMessageRequest,
        outcome: Result<String, crate::aws::Failure>,
    ) {
        self.verdict = Some(Verdict::new(sent, outcome));
    }

    #[must_use]
    pub fn verdict(&self) -> Option<&Verdict> {
        self.verdict.as_ref()
    }

    /// Starts a save of the draft to `path`; false while another save is unfinished.
    pub fn begin_save(&mut self, path: PathBuf) -> Option<SendRcsMessageRequest> {
        if self.saving.is_some() {
            return None;
        }
        let request = self.draft.request.clone();
        self.saving = Some((path, request.clone()));
        Some(request)
    }

    /// A save finished: what was written is the saved copy (edits made during the save stay
    /// dirty). Call [`Self::derive`] next.
    pub fn end_save(&mut self, written: Result<PathBuf, ()>) {
        let saving = self.saving.take();
        if let (Ok(path), Some((_, request))) = (written, saving) {
            self.saved = request;
            self.path = Some(path);
        }
    }

    /// The file went away (deleted from the library): the draft stays, unsaved.
    pub fn detach_from_file(&mut self) {
        self.path = None;
        self.saved = SendRcsMessageRequest::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rcs::model::ContentKind;

    fn body(doc: &Document) -> Option<String> {
        doc.draft.content()?.text_message.as_ref()?.body.clone()
    }

    #[test]
    fn an_edit_is_derived_before_anything_reads_it() {
        let mut doc = Document::default();
        doc.derive(&Surroundings::default());
        assert!(!doc.is_dirty());
        let g = doc.generation();
        doc.draft.content_mut().text_message.as_mut().unwrap().body = Some("x".repeat(3100));
        doc.edited(&Edit::Field("Body".into()), 0.0);
        doc.derive(&Surroundings::default());
        assert!(doc.is_dirty());
        assert!(doc.generation() > g);
        assert!(
            doc.issues().errors() > 0,
            "the too-long body is an issue at once"
        );
    }

    #[test]
    fn typing_on_in_one_field_then_another_undoes_field_by_field() {
        const BODY: &str = "RcsMessageContent.Content.TextMessage.Body";
        const FALLBACK: &str = "FallbackConfiguration.MessageBody";
        let mut doc = Document::default();
        let type_into = |doc: &mut Document, path: &str, text: &str, now: f64| {
            crate::rcs::walk::with_slot(&mut doc.draft.request, path, |s| {
                *s = Some(text.to_owned());
            })
            .unwrap();
            doc.edited(&Edit::Field(path.to_owned()), now);
        };
        doc.draft.request.fallback_configuration =
            Some(crate::rcs::model::FallbackConfiguration::default());
        doc.edited(&Edit::Action, 0.0);
        // Two keystrokes in the body (one step), two in the fallback (another).
        type_into(&mut doc, BODY, "H", 0.1);
        type_into(&mut doc, BODY, "Hi", 0.2);
        let after_body = doc.draft.clone();
        type_into(&mut doc, FALLBACK, "S", 0.3);
        type_into(&mut doc, FALLBACK, "SM", 0.4);
        assert!(doc.step_history(true));
        assert_eq!(
            doc.draft, after_body,
            "the fallback's typing went, the body's stayed"
        );
        assert!(doc.step_history(true));
        assert_eq!(body(&doc), None, "then the body's typing");
    }

    #[test]
    fn undo_takes_back_an_action_then_the_typing_before_it() {
        let mut doc = Document::default();
        doc.switch_for_test();
        let typed = doc.draft.clone();
        doc.act(0.2, |d| d.swap_cards(0));
        assert!(doc.step_history(true));
        assert_eq!(doc.draft, typed);
        assert!(doc.step_history(true));
        assert_eq!(doc.draft.kind(), ContentKind::Carousel);
        assert!(doc.draft.cards_mut()[0].title.is_none());
        assert!(doc.step_history(true));
        assert_eq!(
            doc.draft.kind(),
            ContentKind::Text,
            "the kind switch was a step"
        );
        assert_eq!(body(&doc), None);
    }

    impl Document {
        fn switch_for_test(&mut self) {
            self.act(0.0, |d| d.switch_kind(ContentKind::Carousel));
            for c in "Latte".chars() {
                let title = &mut self.draft.cards_mut()[0].title;
                title.get_or_insert_with(String::new).push(c);
                self.edited(&Edit::Field("Title".into()), 0.1);
            }
        }
    }

    #[test]
    fn a_verdict_goes_when_the_recipient_changes() {
        let mut doc = Document::default();
        let s = Surroundings {
            recipient: Some("+15555550400"),
            ..Surroundings::default()
        };
        doc.derive(&s);
        let sent = doc.derived().send_request.clone();
        let mut f = crate::aws::Failure::new(crate::aws::FailureKind::Validation, "no".into());
        f.fields = vec![("destinationPhoneNumber".into(), "blocked".into())];
        doc.set_verdict(&sent, Err(f));
        doc.derive(&s);
        assert!(doc.verdict().is_some());
        assert_eq!(
            doc.issues().all[0].code,
            crate::rcs::issue::Code::RejectedByService
        );
        doc.derive(&Surroundings {
            recipient: Some("+14255550123"),
            ..Surroundings::default()
        });
        assert!(doc.verdict().is_none());
        assert!(
            doc.issues()
                .all
                .iter()
                .all(|i| i.code != crate::rcs::issue::Code::RejectedByService)
        );
    }

    #[test]
    fn the_chosen_origination_is_sent_and_the_template_keeps_its_own() {
        let mut doc = Document::default();
        doc.act(0.0, |d| {
            d.request.origination_identity = Some("agent-from-template".into());
        });
        doc.derive(&Surroundings::default());
        assert_eq!(
            doc.derived().send_request.origination_identity.as_deref(),
            Some("agent-from-template"),
            "without a choice the template's own is used"
        );
        doc.derive(&Surroundings {
            origination: Some("agent-chosen"),
            ..Surroundings::default()
        });
        assert_eq!(
            doc.derived().send_request.origination_identity.as_deref(),
            Some("agent-chosen")
        );
        assert_eq!(
            doc.draft.request.origination_identity.as_deref(),
            Some("agent-from-template"),
            "choosing does not write into the template"
        );
    }
}
