//! The RCS account window: agents, the RCS spend limit, configuration sets and their event
//! destinations. Every request runs on the network runtime; lists show loading and errors in
//! place; deletions ask first.

mod agents;
mod config_sets;
mod spend;

use egui::{RichText, Ui};
use serde_json::Value;

use crate::aws::Failure;
use crate::rcs::issue::Issue;
use crate::ui::command::Command;
use crate::ui::workers::net::AccountOp;

pub use agents::AgentForm;
pub use config_sets::DestinationForm;

/// A listing as a request state: what was there, whether a request is pending, the error.
#[derive(Debug, Default)]
pub struct Loadable {
    pub value: Option<Value>,
    pub loading: bool,
    pub error: Option<Failure>,
}

impl Loadable {
    fn status(&self, ui: &mut Ui) {
        if self.loading {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Loading…");
            });
        }
        if let Some(e) = &self.error {
            ui.label(RichText::new(e.to_string()).color(crate::ui::theme::ERROR));
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AccountTab {
    #[default]
    Agents,
    SpendLimit,
    ConfigurationSets,
}

/// Filters and pagination of a list.
#[derive(Debug, Default)]
pub struct Filters {
    pub list: Vec<(String, Vec<String>)>,
    pub name: String,
    pub values: String,
}

#[derive(Debug, Default)]
pub struct AccountState {
    pub open: bool,
    pub tab: AccountTab,
    pub agents: Loadable,
    pub owner: Option<String>,
    pub agent_filters: Filters,
    pub selected_agent: Option<String>,
    pub agent_form: AgentForm,
    pub new_agent: agents::NewAgent,
    pub spend: Loadable,
    pub spend_input: String,
    pub sets: Loadable,
    pub set_filters: Filters,
    pub selected_set: Option<String>,
    pub new_set: String,
    pub destination: Option<DestinationForm>,
    /// What the last change did, or why it failed.
    pub message: Option<Result<String, Failure>>,
    /// Local checks of the form being submitted.
    pub issues: Vec<Issue>,
}

impl AccountState {
    /// The agent ids from the last listing (the send panel's origination picker).
    #[must_use]
    pub fn agent_ids(&self) -> Vec<String> {
        self.agents
            .value
            .as_ref()
            .and_then(|v| v["RcsAgents"].as_array())
            .into_iter()
            .flatten()
            .filter_map(|a| a["RcsAgentId"].as_str().map(str::to_owned))
            .collect()
    }

    /// The requests that fill the panels.
    #[must_use]
    pub fn refresh_ops(&self) -> Vec<AccountOp> {
        vec![
            AccountOp::ListAgents(agents::query(self, None)),
            AccountOp::SpendLimits,
            AccountOp::ListConfigSets(config_sets::query(self, None)),
        ]
    }

    /// Takes an answer from the service.
    pub fn on_done(&mut self, op: &AccountOp, result: Result<Value, Failure>) -> Vec<AccountOp> {
        let listing = match op {
            AccountOp::ListAgents(q) => {
                Some((&mut self.agents, "RcsAgents", q.next_token.is_some()))
            }
            AccountOp::SpendLimits => Some((&mut self.spend, "SpendLimits", false)),
            AccountOp::ListConfigSets(q) => {
                Some((&mut self.sets, "ConfigurationSets", q.next_token.is_some()))
            }
            _ => None,
        };
        if let Some((list, key, append)) = listing {
            list.loading = false;
            match result {
                Ok(mut value) => {
                    if append
                        && let Some(previous) =
                            list.value.as_ref().and_then(|v| v[key].as_array()).cloned()
                    {
                        let mut items = previous;
                        items.extend(value[key].as_array().cloned().unwrap_or_default());
                        value[key] = Value::Array(items);
                    }
                    list.value = Some(value);
                    list.error = None;
                }
                Err(e) => list.error = Some(e),
            }
            return Vec::new();
        }
        match result {
            Ok(value) => {
                self.message = Some(Ok(describe_change(op, &value)));
                self.issues.clear();
                if let AccountOp::CreateAgent { .. } = op {
                    self.selected_agent = value["RcsAgentId"].as_str().map(str::to_owned);
                }
                if matches!(op, AccountOp::PutDestination { .. }) {
                    self.destination = None;
                }
                self.refresh_ops()
            }
            Err(e) => {
                self.message = Some(Err(e));
                Vec::new()
            }
        }
    }
}

fn describe_change(op: &AccountOp, value: &Value) -> String {
    match op {
        AccountOp::CreateAgent { .. } => format!(
            "Created RCS agent {}.",
            value["RcsAgentId"].as_str().unwrap_or("?")
        ),
        AccountOp::UpdateAgent(u) => format!("Updated {}.", u.rcs_agent_id),
        AccountOp::DeleteAgent(id) => format!("Deleted {id}."),
        AccountOp::SetSpend(n) => format!("The RCS spend limit is now {n} USD a month."),
        AccountOp::ClearSpend => format!(
            "The RCS spend limit is back to {} USD (MaxLimit).",
            value["MonthlyLimit"]
        ),
        AccountOp::CreateConfigSet(n) => format!("Created configuration set {n}."),
        AccountOp::DeleteConfigSet(n) => format!("Deleted configuration set {n}."),
        AccountOp::PutDestination { spec, create } => format!(
            "{} event destination {}.",
            if *create { "Created" } else { "Updated" },
            spec.event_destination_name
        ),
        AccountOp::DeleteDestination { name, .. } => format!("Deleted event destination {name}."),
        _ => String::new(),
    }
}

/// The account window; `warning`, when given, is shown under the connection.
pub fn window(
    ctx: &egui::Context,
    state: &mut AccountState,
    connection: &str,
    warning: Option<&str>,
    commands: &mut Vec<Command>,
) {
    let mut open = state.open;
    egui::Window::new("RCS account")
        .open(&mut open)
        .default_size([680.0, 560.0])
        .show(ctx, |ui| {
            ui.label(RichText::new(connection).small());
            if let Some(warning) = warning {
                ui.label(
                    RichText::new(warning)
                        .small()
                        .color(crate::ui::theme::WARNING),
                );
            }
            ui.horizontal(|ui| {
                ui.selectable_value(&mut state.tab, AccountTab::Agents, "Agents");
                ui.selectable_value(&mut state.tab, AccountTab::SpendLimit, "Spend limit");
                ui.selectable_value(
                    &mut state.tab,
                    AccountTab::ConfigurationSets,
                    "Configuration sets",
                );
                if ui.button("⟳ Refresh").clicked() {
                    for op in state.refresh_ops() {
                        commands.push(Command::Account(op));
                    }
                }
            });
            match &state.message {
                Some(Ok(m)) if !m.is_empty() => {
                    ui.label(
                        RichText::new(format!("✔ {m}")).color(egui::Color32::from_rgb(40, 160, 70)),
                    );
                }
                Some(Err(e)) => {
                    ui.label(RichText::new(e.to_string()).color(crate::ui::theme::ERROR));
                }
                _ => {}
            }
            for issue in &state.issues {
                crate::ui::views::editor::form::issue_line(ui, issue);
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("account-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| match state.tab {
                    AccountTab::Agents => agents::show(ui, state, commands),
                    AccountTab::SpendLimit => spend::show(ui, state, commands),
                    AccountTab::ConfigurationSets => config_sets::show(ui, state, commands),
                });
        });
    state.open = open;
}

/// A filter editor: chosen filters as removable chips, and a name/values pair to add one.
fn filters_ui(ui: &mut Ui, id: &str, names: &[&str], f: &mut Filters) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        let mut remove = None;
        for (i, (name, values)) in f.list.iter().enumerate() {
            if ui
                .small_button(format!("{name} = {} 🗙", values.join(",")))
                .on_hover_text("Remove this filter")
                .clicked()
            {
                remove = Some(i);
            }
        }
        if let Some(i) = remove {
            f.list.remove(i);
            changed = true;
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        egui::ComboBox::from_id_salt(id)
            .selected_text(if f.name.is_empty() {
                "(choose)"
            } else {
                f.name.as_str()
            })
            .show_ui(ui, |ui| {
                for n in names {
                    ui.selectable_value(&mut f.name, (*n).to_owned(), *n);
                }
            })
            .response
            .labelled_by(label.id);
        let values = ui.label("Values");
        ui.add(
            egui::TextEdit::singleline(&mut f.values)
                .hint_text("a,b")
                .desired_width(140.0),
        )
        .labelled_by(values.id);
        if ui
            .add_enabled(
                !f.name.is_empty() && !f.values.trim().is_empty(),
                egui::Button::new("Add filter"),
            )
            .clicked()
        {
            let values = f
                .values
                .split(',')
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .collect();
            f.list.push((std::mem::take(&mut f.name), values));
            f.values.clear();
            changed = true;
        }
    });
    changed
}

/// Members of a record as a two-column grid, nested members flattened.
fn record_grid(ui: &mut Ui, id: &str, record: &Value) {
    egui::Grid::new(id)
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            grid_rows(ui, "", record);
        });
}

fn grid_rows(ui: &mut Ui, prefix: &str, v: &Value) {
    if let Value::Object(map) = v {
        for (k, v) in map {
            let key = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                Value::Object(_) => grid_rows(ui, &key, v),
                Value::Array(items) => {
                    ui.label(key);
                    let list: Vec<String> = items
                        .iter()
                        .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                        .collect();
                    ui.label(if list.is_empty() {
                        "(none)".to_owned()
                    } else {
                        list.join(", ")
                    });
                    ui.end_row();
                }
                Value::Number(_) if key.ends_with("Timestamp") => {
                    ui.label(key);
                    local_time(ui, v);
                    ui.end_row();
                }
                Value::String(s) if is_identifier(&key) => {
                    ui.label(key.as_str());
                    ui.horizontal(|ui| crate::ui::views::copyable::value(ui, &key, s));
                    ui.end_row();
                }
                _ => {
                    ui.label(key);
                    ui.label(v.as_str().map_or_else(|| v.to_string(), str::to_owned));
                    ui.end_row();
                }
            }
        }
    }
}

/// An ARN or an id: copied whole, however narrow the window.
fn is_identifier(key: &str) -> bool {
    key.ends_with("Arn") || key.ends_with("Id")
}

/// A time the service gives as epoch seconds, in the user's local time (the raw number in
/// the tooltip); anything else as it came.
pub(super) fn local_time(ui: &mut Ui, v: &Value) -> egui::Response {
    let raw = v.to_string();
    match v.as_f64().and_then(crate::ui::local_time::date_time) {
        Some(shown) => ui.label(shown).on_hover_text(raw),
        None => ui.label(if v.is_null() { "—".to_owned() } else { raw }),
    }
}
