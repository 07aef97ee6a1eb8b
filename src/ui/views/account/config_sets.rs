//! Configuration sets and their event destinations: the RCS event types (and `ALL` /
//! `RCS_ALL`), exactly one destination (logs, Firehose or SNS), as many per set as the
//! account limits table allows. Every rule and number comes from `crate::rcs::account`.

use egui::{RichText, Ui};
use serde_json::Value;

use super::{AccountState, filters_ui};
use crate::aws::account::ListQuery;
use crate::rcs::account::{
    CONFIG_SET_FILTERS, Destination, EventDestinationSpec, MAX_EVENT_DESTINATIONS,
    OTHER_EVENT_TYPES, RCS_EVENT_TYPES, validate_event_destination, validate_new_config_set,
};
use crate::rcs::issue::has_errors;
use crate::ui::command::Command;
use crate::ui::workers::net::AccountOp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    CloudWatchLogs,
    Firehose,
    #[default]
    Sns,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::CloudWatchLogs, Kind::Firehose, Kind::Sns];
    const fn label(self) -> &'static str {
        match self {
            Kind::CloudWatchLogs => "CloudWatch Logs",
            Kind::Firehose => "Firehose",
            Kind::Sns => "SNS",
        }
    }
}

/// Creating (`existing` empty) or editing one event destination.
#[derive(Debug, Clone, Default)]
pub struct DestinationForm {
    pub set: String,
    pub name: String,
    /// The type of the destination being edited; `None` when creating.
    pub existing: Option<&'static str>,
    pub enabled: bool,
    pub types: Vec<String>,
    pub kind: Kind,
    pub arn: String,
    pub role: String,
}

impl DestinationForm {
    fn spec(&self) -> EventDestinationSpec {
        let destination = match self.kind {
            Kind::Sns => Destination::Sns {
                topic_arn: self.arn.trim().to_owned(),
            },
            Kind::CloudWatchLogs => Destination::CloudWatchLogs {
                iam_role_arn: self.role.trim().to_owned(),
                log_group_arn: self.arn.trim().to_owned(),
            },
            Kind::Firehose => Destination::Firehose {
                iam_role_arn: self.role.trim().to_owned(),
                delivery_stream_arn: self.arn.trim().to_owned(),
            },
        };
        EventDestinationSpec {
            configuration_set_name: self.set.clone(),
            event_destination_name: self.name.trim().to_owned(),
            enabled: Some(self.enabled),
            matching_event_types: Some(self.types.clone()),
            destination: Some(destination),
        }
    }

    fn from_record(set: &str, d: &Value) -> Self {
        let s = |v: &Value| v.as_str().unwrap_or_default().to_owned();
        let (kind, arn, role, existing) = if let Some(c) = d.get("CloudWatchLogsDestination") {
            (
                Kind::CloudWatchLogs,
                s(&c["LogGroupArn"]),
                s(&c["IamRoleArn"]),
                "CloudWatch Logs",
            )
        } else if let Some(f) = d.get("KinesisFirehoseDestination") {
            (
                Kind::Firehose,
                s(&f["DeliveryStreamArn"]),
                s(&f["IamRoleArn"]),
                "Firehose",
            )
        } else {
            (
                Kind::Sns,
                s(&d["SnsDestination"]["TopicArn"]),
                String::new(),
                "SNS",
            )
        };
        Self {
            set: set.to_owned(),
            name: s(&d["EventDestinationName"]),
            existing: Some(existing),
            enabled: d["Enabled"] != false,
            types: d["MatchingEventTypes"]
                .as_array()
                .into_iter()
                .flatten()
                .map(s)
                .collect(),
            kind,
            arn,
            role,
        }
    }
}

pub fn query(state: &AccountState, next_token: Option<String>) -> ListQuery {
    ListQuery {
        filters: state.set_filters.list.clone(),
        max_results: crate::rcs::account::list_page_size(),
        next_token,
        ..ListQuery::default()
    }
}

fn sets(state: &AccountState) -> Vec<Value> {
    state
        .sets
        .value
        .as_ref()
        .and_then(|v| v["ConfigurationSets"].as_array())
        .cloned()
        .unwrap_or_default()
}

pub fn show(ui: &mut Ui, state: &mut AccountState, commands: &mut Vec<Command>) {
    if filters_ui(ui, "set-filter", CONFIG_SET_FILTERS, &mut state.set_filters) {
        state.sets.loading = true;
        commands.push(Command::Account(AccountOp::ListConfigSets(query(
            state, None,
        ))));
    }
    state.sets.status(ui);
    let list = sets(state);
    for s in &list {
        let name = s["ConfigurationSetName"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let n = s["EventDestinations"].as_array().map_or(0, Vec::len);
        let text = format!("{name} ({n}/{MAX_EVENT_DESTINATIONS} destinations)");
        if ui
            .selectable_label(state.selected_set.as_deref() == Some(name.as_str()), text)
            .clicked()
        {
            state.selected_set = Some(name);
            state.destination = None;
        }
    }
    if let Some(token) = state
        .sets
        .value
        .as_ref()
        .and_then(|v| v["NextToken"].as_str())
        .map(str::to_owned)
        && ui.button("Load more").clicked()
    {
        state.sets.loading = true;
        commands.push(Command::Account(AccountOp::ListConfigSets(query(
            state,
            Some(token),
        ))));
    }
    ui.horizontal(|ui| {
        let l = ui.label("New configuration set");
        ui.add(egui::TextEdit::singleline(&mut state.new_set).hint_text("rcs-campaigns"))
            .labelled_by(l.id);
        let issues = validate_new_config_set(state.new_set.trim(), &[]);
        let why = issues
            .first()
            .map(|i| i.message.clone())
            .unwrap_or_default();
        if ui
            .add_enabled(issues.is_empty(), egui::Button::new("Create set"))
            .on_disabled_hover_text(why)
            .clicked()
        {
            commands.push(Command::Account(AccountOp::CreateConfigSet(
                state.new_set.trim().to_owned(),
            )));
            state.new_set.clear();
        }
    });
    let selected = state.selected_set.clone().and_then(|n| {
        list.iter()
            .find(|s| s["ConfigurationSetName"] == n.as_str())
            .cloned()
    });
    if let Some(set) = selected {
        ui.separator();
        set_details(ui, state, &set, commands);
    }
}

fn set_details(ui: &mut Ui, state: &mut AccountState, set: &Value, commands: &mut Vec<Command>) {
    let name = set["ConfigurationSetName"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let destinations = set["EventDestinations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    ui.strong(format!("Configuration set {name}"));
    egui::Grid::new("set-record").num_columns(2).show(ui, |ui| {
        if let Some(arn) = set["ConfigurationSetArn"].as_str() {
            ui.label("ARN");
            ui.horizontal(|ui| {
                crate::ui::views::copyable::value(ui, "configuration set ARN", arn);
            });
            ui.end_row();
        }
        ui.label("Created");
        super::local_time(ui, &set["CreatedTimestamp"]);
        ui.end_row();
    });
    for d in &destinations {
        let dname = d["EventDestinationName"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let types: Vec<&str> = d["MatchingEventTypes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let form = DestinationForm::from_record(&name, d);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&dname).strong());
            ui.label(format!("{} to {}", form.existing.unwrap_or("?"), form.arn));
            crate::ui::views::copyable::button(ui, "destination ARN", &form.arn);
            ui.label(if form.enabled { "enabled" } else { "disabled" });
            ui.label(RichText::new(types.join(", ")).small());
            if ui.small_button("Edit").clicked() {
                state.destination = Some(form.clone());
            }
            if ui.small_button("Delete…").clicked() {
                commands.push(Command::ConfirmAccount {
                    title: "Delete this event destination?".into(),
                    text: format!("{dname} will stop receiving events from {name}."),
                    op: AccountOp::DeleteDestination {
                        set: name.clone(),
                        name: dname.clone(),
                    },
                });
            }
        });
    }
    ui.horizontal(|ui| {
        let full = destinations.len() >= MAX_EVENT_DESTINATIONS;
        if ui
            .add_enabled(!full, egui::Button::new("➕ Add event destination"))
            .on_disabled_hover_text(format!(
                "A configuration set holds at most {MAX_EVENT_DESTINATIONS} event destinations."
            ))
            .clicked()
        {
            state.destination = Some(DestinationForm {
                set: name.clone(),
                enabled: true,
                types: vec!["RCS_DELIVERED".into(), "RCS_FALLEN_BACK_TO_SMS".into()],
                ..DestinationForm::default()
            });
        }
        if ui.button("Delete set…").clicked() {
            let names: Vec<&str> = destinations
                .iter()
                .filter_map(|d| d["EventDestinationName"].as_str())
                .collect();
            let goes = if names.is_empty() {
                "It has no event destinations.".to_owned()
            } else {
                format!("Its event destinations go with it: {}.", names.join(", "))
            };
            commands.push(Command::ConfirmAccount {
                title: "Delete this configuration set?".into(),
                text: format!("{name} will be deleted. {goes}"),
                op: AccountOp::DeleteConfigSet(name.clone()),
            });
        }
    });
    let count = destinations.len();
    if let Some(form) = state.destination.as_mut().filter(|f| f.set == name) {
        ui.separator();
        destination_form(ui, form, count, commands);
    }
}

fn destination_form(
    ui: &mut Ui,
    f: &mut DestinationForm,
    count: usize,
    commands: &mut Vec<Command>,
) {
    let creating = f.existing.is_none();
    ui.strong(if creating {
        "New event destination"
    } else {
        "Edit event destination"
    });
    ui.horizontal(|ui| {
        let l = ui.label("Name");
        ui.add_enabled(creating, egui::TextEdit::singleline(&mut f.name))
            .labelled_by(l.id);
    });
    ui.checkbox(&mut f.enabled, "Enabled");
    ui.label("Event types");
    let mut toggle = |ui: &mut Ui, t: &str| {
        let mut on = f.types.iter().any(|x| x == t);
        if ui.checkbox(&mut on, t).changed() {
            if on {
                f.types.push(t.to_owned());
            } else {
                f.types.retain(|x| x != t);
            }
        }
    };
    ui.horizontal_wrapped(|ui| {
        toggle(ui, "ALL");
        for t in RCS_EVENT_TYPES {
            toggle(ui, t);
        }
    });
    egui::CollapsingHeader::new("Text, voice and media event types")
        .id_salt("other-types")
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for t in OTHER_EVENT_TYPES.iter().filter(|t| **t != "ALL") {
                    toggle(ui, t);
                }
            });
        });
    ui.horizontal(|ui| {
        let l = ui.label("Destination");
        for k in Kind::ALL {
            // The type of an existing destination cannot change.
            ui.add_enabled_ui(creating || f.kind == k, |ui| {
                ui.radio_value(&mut f.kind, k, k.label()).labelled_by(l.id);
            });
        }
    });
    let (arn_label, hint) = match f.kind {
        Kind::Sns => ("Topic ARN", "arn:aws:sns:us-east-1:111122223333:rcs-events"),
        Kind::CloudWatchLogs => (
            "Log group ARN",
            "arn:aws:logs:us-east-1:111122223333:log-group:rcs",
        ),
        Kind::Firehose => (
            "Delivery stream ARN",
            "arn:aws:firehose:us-east-1:111122223333:deliverystream/rcs",
        ),
    };
    ui.horizontal(|ui| {
        let l = ui.label(arn_label);
        ui.add(
            egui::TextEdit::singleline(&mut f.arn)
                .hint_text(hint)
                .desired_width(340.0),
        )
        .labelled_by(l.id);
    });
    if f.kind != Kind::Sns {
        ui.horizontal(|ui| {
            let l = ui.label("IAM role ARN");
            ui.add(egui::TextEdit::singleline(&mut f.role).desired_width(340.0))
                .labelled_by(l.id);
        });
    }
    let spec = f.spec();
    let issues = validate_event_destination(&spec, f.existing, if creating { count } else { 0 });
    for i in &issues {
        crate::ui::views::editor::form::issue_line(ui, i);
    }
    if ui
        .add_enabled(
            !has_errors(&issues),
            egui::Button::new(if creating {
                "Create destination"
            } else {
                "Save destination"
            }),
        )
        .clicked()
    {
        commands.push(Command::Account(AccountOp::PutDestination {
            spec,
            create: creating,
        }));
    }
}
