//! Dry runs and real sends from the window: the validator first, a confirmation for real
//! sends, one request in flight at a time, results into the history and onto the fields.

use super::{App, Dialog};
use crate::aws::Connection;
use crate::rcs::issue::has_errors;
use crate::rcs::model::SendRcsMessageRequest;
use crate::ui::command::Command;
use crate::ui::views::send_panel::HistoryEntry;
use crate::ui::workers::files::Job;
use crate::ui::workers::net::{NetDone, NetJob};

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
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
    pub fn send_request(&self) -> &SendRcsMessageRequest {
        &self.doc.derived().send_request
    }

    /// The for-send issues of [`Self::send_request`].
    #[must_use]
    pub fn send_request_issues(&self) -> &[crate::rcs::issue::Issue] {
        &self.doc.derived().send_issues
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

    /// Lists the connection's agents for the Send tab's picker the first time the tab shows
    /// for this connection: once per connection generation, not once per frame.
    pub(super) fn list_agents_once(&mut self) {
        if self.editor.tab != crate::ui::views::editor::Tab::Send
            || self.agents_listed == Some(self.connection_generation)
        {
            return;
        }
        self.agents_listed = Some(self.connection_generation);
        if self.account.agents.value.is_none() && !self.account.agents.loading {
            self.account_request(crate::ui::workers::net::AccountOp::ListAgents(
                crate::aws::account::ListQuery::default(),
            ));
        }
    }

    /// The connection changed without the user choosing it (settings read, credentials
    /// probed): answers about the one before are stale, and the Send tab lists agents again.
    pub(super) fn connection_replaced(&mut self) {
        self.connection_generation.advance();
        let open = self.account.open;
        self.account = crate::ui::views::account::AccountState {
            open,
            ..Default::default()
        };
        if open {
            for op in self.account.refresh_ops() {
                self.account_request(op);
            }
        }
        self.refresh();
    }

    pub(super) fn apply_send(&mut self, command: Command) {
        match command {
            Command::SetConnection(c) => {
                self.settings.connection = Some(c);
                self.save_settings();
                // Answers still on their way are about the old connection: dropped; the
                // account panels show the other account now, and the request to send takes
                // this connection's chosen origination.
                self.connection_replaced();
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
                    self.doc.act(now_seconds(), |d| {
                        d.request.destination_phone_number = Some(r);
                    });
                    self.refresh();
                }
            }
            Command::SetOrigination(id) => {
                let connection = self.connection();
                self.settings.choose_origination(&connection, Some(id));
                self.save_settings();
                self.refresh();
            }
            Command::UseTemplateOrigination => {
                let connection = self.connection();
                self.settings.choose_origination(&connection, None);
                self.save_settings();
                self.refresh();
            }
            Command::OriginationIntoTemplate => {
                let connection = self.connection();
                if let Some(id) = self.settings.origination(&connection).map(str::to_owned) {
                    self.doc.act(now_seconds(), |d| {
                        d.request.origination_identity = Some(id);
                    });
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
        let r = self.send_request().clone();
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
        !has_errors(self.send_request_issues())
    }

    fn start_send(&mut self, dry_run: bool) {
        // One request at a time: a second click, or a click while the first is in flight, is
        // ignored.
        if self.send.in_flight.is_some() || !self.sendable() {
            return;
        }
        let mut request = self.send_request().clone();
        if dry_run {
            request.dry_run = Some(true);
        }
        let connection = self.connection();
        self.send.next_id += 1;
        let id = self.send.next_id;
        self.send.in_flight = Some(id);
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
                    let before = self.connection();
                    self.settings.connection = Some(if has_credentials {
                        Connection::Aws(crate::aws::AwsTarget::default())
                    } else {
                        Connection::Sandbox
                    });
                    if self.connection() != before {
                        self.connection_replaced();
                    }
                }
            }
            NetDone::Profiles(p) => self.send.profiles = p,
            NetDone::Account {
                generation,
                op,
                result,
            } => {
                // A slow answer about the previous connection must not fill the new one's panels.
                if !self.connection_generation.is_current(generation) {
                    return;
                }
                for next in self.account.on_done(&op, result) {
                    self.account_request(next);
                }
            }
            NetDone::SandboxStarted { url, kept } => {
                self.send.sandbox_url = Some(url);
                self.send.sandbox_kept = kept;
            }
            NetDone::CampaignPrepared { id, result } => self.on_campaign_prepared(id, result),
            NetDone::CampaignDone { id, result } => self.on_campaign_done(id, result),
            NetDone::Sent {
                id,
                request,
                result,
            } => {
                if self.send.in_flight == Some(id) {
                    self.send.in_flight = None;
                }
                let outcome = match &result {
                    Ok(message_id) => Ok(message_id.clone()),
                    Err(f) => Err(f.message.clone()),
                };
                if let Some(entry) = self.send.history.iter_mut().find(|h| h.id == id) {
                    entry.outcome = Some(outcome);
                }
                // The verdict is about the request as sent; if the user changed the recipient,
                // the origination or the content meanwhile, deriving drops it at once.
                self.doc.set_verdict(&request, result);
                self.refresh();
            }
        }
    }
}

/// Seconds since the epoch, for edits made by commands (the undo history's clock only
/// compares edits of one field, which commands never coalesce with).
fn now_seconds() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}
