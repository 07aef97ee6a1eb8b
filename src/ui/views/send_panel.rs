//! The Send tab: connection, test recipient, the for-send checks, Dry run and Send (after a
//! confirmation), and this session's history.

use egui::{Color32, RichText, Ui};

use crate::aws::{AwsTarget, Connection, Failure};
use crate::rcs::issue::Issue;
use crate::rcs::limits::Field;
use crate::ui::command::Command;
use crate::ui::views::editor::form::issue_line;

/// One request of this session.
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub id: u64,
    /// Seconds since the epoch when it was sent.
    pub at: u64,
    pub destination: String,
    pub dry_run: bool,
    pub connection: String,
    /// The `MessageId`, or the error; `None` while in flight.
    pub outcome: Option<Result<String, String>>,
}

#[derive(Debug, Default)]
pub struct SendState {
    /// The request in flight: no other request starts until it answers.
    pub in_flight: Option<u64>,
    pub next_id: u64,
    pub history: Vec<HistoryEntry>,
    pub profiles: Vec<String>,
    pub sandbox_url: Option<String>,
    /// Whether the started sandbox keeps its account in the app's state file.
    pub sandbox_kept: bool,
    pub recipient_input: String,
}

/// What a window whose sandbox could not have the saved account says about it.
pub const SANDBOX_NOT_KEPT: &str = "Agents, settings and event destinations made in this sandbox are not kept: another rcs-composer window's sandbox has the saved account.";

impl SendState {
    /// The sandbox has started with an account of its own that is not kept.
    #[must_use]
    pub fn sandbox_not_kept(&self) -> bool {
        self.sandbox_url.is_some() && !self.sandbox_kept
    }
}

/// The colour that tells sandbox from AWS at a glance.
#[must_use]
pub fn connection_colour(c: &Connection) -> Color32 {
    match c {
        Connection::Sandbox => Color32::from_rgb(40, 160, 70),
        Connection::Aws(_) => Color32::from_rgb(230, 140, 20),
    }
}

pub struct PanelInput<'a> {
    pub connection: &'a Connection,
    pub recipients: &'a [String],
    pub recipient: Option<&'a str>,
    /// The for-send issues of the request as it would be sent.
    pub issues: &'a [Issue],
    pub origination: Origination<'a>,
    /// Where the placeholders' values come from, for a template that has placeholders.
    pub values: Option<&'a str>,
    /// Why the service refused the request as it is now (gone once the request changes).
    pub failure: Option<&'a Failure>,
}

/// Where the request is sent from: the agent chosen for this connection (kept in settings),
/// else the template's own `OriginationIdentity`.
#[derive(Clone, Copy)]
pub struct Origination<'a> {
    /// The template's own `OriginationIdentity`.
    pub template: Option<&'a str>,
    /// The agent chosen in this tab for the active connection.
    pub chosen: Option<&'a str>,
    /// The connection's RCS agents, for the picker.
    pub agents: &'a [String],
    /// The agents are being listed.
    pub loading: bool,
}

impl Origination<'_> {
    /// The origination the request is sent from.
    #[must_use]
    pub fn effective(&self) -> Option<&str> {
        self.chosen.or(self.template)
    }
}

pub fn show(
    ui: &mut Ui,
    state: &mut SendState,
    input: &PanelInput<'_>,
    commands: &mut Vec<Command>,
) {
    connection(ui, state, input.connection, commands);
    ui.separator();
    recipients(ui, state, input, commands);
    ui.separator();
    origination(ui, &input.origination, commands);
    if let Some(values) = input.values {
        ui.label(RichText::new(values).strong());
    }
    let errors: Vec<&Issue> = input.issues.iter().filter(|i| i.is_error()).collect();
    if errors.is_empty() {
        ui.label(RichText::new("✔ Ready to send").color(Color32::from_rgb(40, 160, 70)));
    } else {
        let count = errors.len();
        ui.label(
            RichText::new(format!(
                "Fix {count} {} before sending:",
                if count == 1 { "error" } else { "errors" }
            ))
            .strong(),
        );
        for issue in errors.iter().take(8) {
            let line = ui.link(crate::ui::document::problems::issue_line(issue));
            let line = if issue.path.is_empty() {
                line
            } else {
                line.on_hover_text(&issue.path)
            };
            if line.clicked() {
                commands.push(Command::Jump(issue.path.clone()));
            }
        }
    }
    buttons(ui, state, errors.is_empty(), commands);
    if let Some(f) = input.failure {
        ui.add_space(6.0);
        ui.label(RichText::new(f.to_string()).color(crate::ui::theme::ERROR));
    }
    ui.separator();
    history(ui, state);
}

/// The origination picker: the connection's agents, the template's own as the default, and
/// writing the choice into the template only when asked.
fn origination(ui: &mut Ui, o: &Origination<'_>, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Origination");
        egui::ComboBox::from_id_salt("origination")
            .selected_text(o.effective().unwrap_or("(choose an RCS agent)"))
            .truncate()
            .width(ui.available_width().clamp(120.0, 240.0))
            .show_ui(ui, |ui| {
                if let Some(own) = o.template
                    && ui
                        .selectable_label(o.chosen.is_none(), format!("The template's: {own}"))
                        .clicked()
                {
                    commands.push(Command::UseTemplateOrigination);
                }
                if o.loading {
                    ui.label("Loading the agents…");
                } else if o.agents.is_empty() {
                    ui.label("No agents loaded: press ⟳, or type an id in the Delivery tab.");
                }
                for a in o.agents {
                    if ui
                        .selectable_label(o.chosen == Some(a.as_str()), a)
                        .clicked()
                    {
                        commands.push(Command::SetOrigination(a.clone()));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if ui
            .small_button("⟳")
            .on_hover_text("Load the RCS agents of this connection again")
            .clicked()
        {
            commands.push(Command::Account(
                crate::ui::workers::net::AccountOp::ListAgents(
                    crate::aws::account::ListQuery::default(),
                ),
            ));
        }
        if let Some(chosen) = o.chosen
            && o.template != Some(chosen)
            && ui
                .small_button("Write agent into template")
                .on_hover_text("Store this agent as the template's OriginationIdentity")
                .clicked()
        {
            commands.push(Command::OriginationIntoTemplate);
        }
    });
    let note = match (o.chosen, o.template) {
        (Some(_), Some(own)) if o.chosen != o.template => {
            format!("Chosen for this connection (kept in settings); the template's own is {own}.")
        }
        (Some(_), _) => "Chosen for this connection (kept in settings).".to_owned(),
        (None, Some(_)) => "The template's own OriginationIdentity.".to_owned(),
        (None, None) => "Choose the RCS agent to send from.".to_owned(),
    };
    ui.label(RichText::new(note).small());
}

fn connection(
    ui: &mut Ui,
    state: &mut SendState,
    current: &Connection,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Connection");
        let is_sandbox = matches!(current, Connection::Sandbox);
        egui::ComboBox::from_id_salt("connection")
            .selected_text(if is_sandbox { "Local sandbox" } else { "AWS" })
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(is_sandbox, "Local sandbox — nothing is delivered")
                    .clicked()
                    && !is_sandbox
                {
                    commands.push(Command::SetConnection(Connection::Sandbox));
                }
                if ui
                    .selectable_label(!is_sandbox, "AWS account (profile)")
                    .clicked()
                    && is_sandbox
                {
                    commands.push(Command::SetConnection(
                        Connection::Aws(AwsTarget::default()),
                    ));
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.label(
        RichText::new(current.describe())
            .color(connection_colour(current))
            .strong(),
    );
    if matches!(current, Connection::Sandbox) {
        // The line is there from the first frame, so the buttons below do not move when the
        // sandbox's address arrives.
        let line = state.sandbox_url.as_ref().map_or_else(
            || "Sandbox endpoint: not started yet (it starts with the first request)".to_owned(),
            |url| format!("Sandbox endpoint: {url} (the AWS CLI can use it with --endpoint-url)"),
        );
        ui.label(RichText::new(line).small());
        if state.sandbox_not_kept() {
            ui.label(
                RichText::new(SANDBOX_NOT_KEPT)
                    .small()
                    .color(crate::ui::theme::WARNING),
            );
        }
    }
    let Connection::Aws(target) = current else {
        return;
    };
    let mut edited = target.clone();
    ui.horizontal(|ui| {
        let label = ui.label("Profile");
        egui::ComboBox::from_id_salt("profile")
            .selected_text(
                edited
                    .profile
                    .clone()
                    .unwrap_or_else(|| "(AWS_PROFILE or default)".into()),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut edited.profile, None, "(AWS_PROFILE or default)");
                for p in &state.profiles {
                    ui.selectable_value(&mut edited.profile, Some(p.clone()), p);
                }
            })
            .response
            .labelled_by(label.id);
    });
    optional_text(
        ui,
        "Region",
        "from the profile or AWS_REGION",
        &mut edited.region,
    );
    optional_text(
        ui,
        "Endpoint URL",
        "the service's, or AWS_ENDPOINT_URL",
        &mut edited.endpoint_url,
    );
    if edited != *target {
        commands.push(Command::SetConnection(Connection::Aws(edited)));
    }
}

fn optional_text(ui: &mut Ui, label: &str, hint: &str, value: &mut Option<String>) {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let mut text = value.clone().unwrap_or_default();
        if ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text(hint)
                    .desired_width(ui.available_width()),
            )
            .labelled_by(l.id)
            .changed()
        {
            *value = (!text.trim().is_empty()).then(|| text.trim().to_owned());
        }
    });
}

fn recipients(
    ui: &mut Ui,
    state: &mut SendState,
    input: &PanelInput<'_>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Send to");
        egui::ComboBox::from_id_salt("recipient")
            .selected_text(input.recipient.unwrap_or("(choose a test phone)"))
            .show_ui(ui, |ui| {
                for r in input.recipients {
                    if ui
                        .selectable_label(input.recipient == Some(r.as_str()), r)
                        .clicked()
                    {
                        commands.push(Command::ChooseRecipient(r.clone()));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if let Some(r) = input.recipient {
            if ui
                .small_button("🗑")
                .on_hover_text("Forget this test phone")
                .clicked()
            {
                commands.push(Command::RemoveRecipient(r.to_owned()));
            }
            if ui
                .small_button("Write into template")
                .on_hover_text("Store this number as the template's DestinationPhoneNumber")
                .clicked()
            {
                commands.push(Command::DestinationIntoTemplate);
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("New test phone");
        ui.add(
            egui::TextEdit::singleline(&mut state.recipient_input)
                .hint_text("+14255550123")
                .desired_width(160.0),
        )
        .labelled_by(label.id);
        let number = state.recipient_input.trim().to_owned();
        let problems = crate::rcs::validate::check_value(Field::DestinationPhoneNumber, &number);
        let why = problems
            .first()
            .map_or_else(String::new, |i| i.message.clone());
        if ui
            .add_enabled(problems.is_empty(), egui::Button::new("Add"))
            .on_disabled_hover_text(why)
            .clicked()
        {
            commands.push(Command::AddRecipient(number));
            state.recipient_input.clear();
        }
    });
    for issue in input
        .issues
        .iter()
        .filter(|i| i.path == "DestinationPhoneNumber")
    {
        issue_line(ui, issue);
    }
}

fn buttons(ui: &mut Ui, state: &SendState, valid: bool, commands: &mut Vec<Command>) {
    let idle = state.in_flight.is_none();
    ui.horizontal_wrapped(|ui| {
        let why = if idle {
            "Fix the errors above first."
        } else {
            "A request is in flight."
        };
        if ui
            .add_enabled(idle && valid, egui::Button::new("Dry run"))
            .on_hover_text("Ask the service to check the message (DryRun); nothing is delivered.")
            .on_disabled_hover_text(why)
            .clicked()
        {
            commands.push(Command::DryRun);
        }
        if ui
            .add_enabled(idle && valid, egui::Button::new("Send…"))
            .on_hover_text("Send for real, after a confirmation.")
            .on_disabled_hover_text(why)
            .clicked()
        {
            commands.push(Command::Send);
        }
        if !idle {
            ui.spinner();
            ui.label("Waiting for the service…");
        }
    });
}

fn history(ui: &mut Ui, state: &SendState) {
    ui.strong("This session's requests");
    if state.history.is_empty() {
        ui.label(RichText::new("None yet.").weak());
        return;
    }
    // One entry a line, wrapping in a narrow window; the MessageId is cut last and copied
    // whole.
    for h in state.history.iter().rev() {
        ui.push_id(h.id, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(crate::ui::local_time::clock(h.at));
                ui.label(&h.destination);
                ui.label(if h.dry_run { "dry run" } else { "real" });
                ui.label(RichText::new(&h.connection).small());
            });
            ui.horizontal(|ui| {
                ui.add_space(12.0);
                match &h.outcome {
                    None => {
                        ui.spinner();
                    }
                    Some(Ok(id)) => crate::ui::views::copyable::value(ui, "MessageId", id),
                    Some(Err(e)) => {
                        crate::ui::views::copyable::button(ui, "error", e);
                        ui.add(
                            egui::Label::new(RichText::new(e).color(crate::ui::theme::ERROR))
                                .wrap(),
                        );
                    }
                }
            });
        });
    }
}
