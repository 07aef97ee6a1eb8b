//! RCS agents: list with owner, filters and pages; every member of the selected one; create,
//! update (two-way, media, events) and delete with a confirmation.

use egui::{RichText, Ui};
use serde_json::Value;

use super::{AccountState, filters_ui, record_grid};
use crate::aws::account::ListQuery;
use crate::rcs::account::{
    AGENT_FILTERS, AgentUpdate, OWNERS, UNSET_MEDIA, validate_agent_update, validate_new_agent,
};
use crate::rcs::issue::has_errors;
use crate::ui::command::Command;
use crate::ui::workers::net::AccountOp;

/// The edit form of the selected agent, filled from its record.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct AgentForm {
    pub for_agent: String,
    pub deletion_protection: bool,
    pub opt_out_list: String,
    pub self_managed_opt_outs: bool,
    pub two_way: bool,
    pub channel_arn: String,
    pub channel_role: String,
    pub media_bucket: String,
    pub media_prefix: String,
    pub media_role: String,
    /// Two-way RCS event types, comma-separated (ALL alone for every type).
    pub events: String,
}

#[derive(Debug, Default)]
pub struct NewAgent {
    pub deletion_protection: bool,
    pub opt_out_list: String,
    pub tags: String,
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

impl AgentForm {
    fn from_record(a: &Value) -> Self {
        let events: Vec<String> = a["TwoWayRcsEventsEnabled"]
            .as_array()
            .into_iter()
            .flatten()
            .map(text)
            .collect();
        Self {
            for_agent: text(&a["RcsAgentId"]),
            deletion_protection: a["DeletionProtectionEnabled"] == true,
            opt_out_list: text(&a["OptOutListName"]),
            self_managed_opt_outs: a["SelfManagedOptOutsEnabled"] == true,
            two_way: a["TwoWayEnabled"] == true,
            channel_arn: text(&a["TwoWayChannelArn"]),
            channel_role: text(&a["TwoWayChannelRole"]),
            media_bucket: text(&a["TwoWayMediaS3BucketName"]),
            media_prefix: text(&a["TwoWayMediaS3KeyPrefix"]),
            media_role: text(&a["TwoWayMediaS3Role"]),
            events: events.join(","),
        }
    }

    /// The update that turns `before` into this form: only what changed is sent.
    fn update(&self, before: &Self) -> AgentUpdate {
        let changed_text = |now: &str, was: &str| (now != was).then(|| now.trim().to_owned());
        let changed_bool = |now: bool, was: bool| (now != was).then_some(now);
        let media_changed = self.media_bucket != before.media_bucket
            || self.media_role != before.media_role
            || self.media_prefix != before.media_prefix;
        AgentUpdate {
            rcs_agent_id: self.for_agent.clone(),
            deletion_protection_enabled: changed_bool(
                self.deletion_protection,
                before.deletion_protection,
            ),
            opt_out_list_name: changed_text(&self.opt_out_list, &before.opt_out_list),
            self_managed_opt_outs_enabled: changed_bool(
                self.self_managed_opt_outs,
                before.self_managed_opt_outs,
            ),
            two_way_channel_arn: changed_text(&self.channel_arn, &before.channel_arn),
            two_way_channel_role: changed_text(&self.channel_role, &before.channel_role),
            two_way_enabled: changed_bool(self.two_way, before.two_way),
            two_way_media_s3_bucket_name: media_changed
                .then(|| self.media_bucket.trim().to_owned())
                .filter(|s| !s.is_empty()),
            two_way_media_s3_key_prefix: media_changed
                .then(|| self.media_prefix.trim().to_owned())
                .filter(|s| !s.is_empty()),
            two_way_media_s3_role: media_changed
                .then(|| self.media_role.trim().to_owned())
                .filter(|s| !s.is_empty()),
            two_way_rcs_events_enabled: (self.events != before.events).then(|| {
                self.events
                    .split(',')
                    .map(|e| e.trim().to_owned())
                    .filter(|e| !e.is_empty())
                    .collect()
            }),
        }
    }
}

pub fn query(state: &AccountState, next_token: Option<String>) -> ListQuery {
    ListQuery {
        owner: state.owner.clone(),
        filters: state.agent_filters.list.clone(),
        max_results: crate::rcs::account::list_page_size(),
        next_token,
        ..ListQuery::default()
    }
}

fn agents(state: &AccountState) -> Vec<Value> {
    state
        .agents
        .value
        .as_ref()
        .and_then(|v| v["RcsAgents"].as_array())
        .cloned()
        .unwrap_or_default()
}

pub fn show(ui: &mut Ui, state: &mut AccountState, commands: &mut Vec<Command>) {
    let mut relist = false;
    ui.horizontal(|ui| {
        let label = ui.label("Owner");
        egui::ComboBox::from_id_salt("owner")
            .selected_text(state.owner.as_deref().unwrap_or("(any)"))
            .show_ui(ui, |ui| {
                relist |= ui
                    .selectable_value(&mut state.owner, None, "(any)")
                    .changed();
                for o in OWNERS {
                    relist |= ui
                        .selectable_value(&mut state.owner, Some((*o).to_owned()), *o)
                        .changed();
                }
            })
            .response
            .labelled_by(label.id);
    });
    relist |= filters_ui(ui, "agent-filter", AGENT_FILTERS, &mut state.agent_filters);
    if relist {
        state.agents.loading = true;
        commands.push(Command::Account(AccountOp::ListAgents(query(state, None))));
    }
    state.agents.status(ui);
    let list = agents(state);
    egui::Grid::new("agents")
        .num_columns(6)
        .striped(true)
        .show(ui, |ui| {
            for h in [
                "Agent",
                "Status",
                "Created",
                "Two-way",
                "Inbound media",
                "Deletion protection",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for a in &list {
                let id = text(&a["RcsAgentId"]);
                if ui
                    .selectable_label(state.selected_agent.as_deref() == Some(id.as_str()), &id)
                    .clicked()
                {
                    state.selected_agent = Some(id.clone());
                }
                ui.label(text(&a["Status"]));
                super::local_time(ui, &a["CreatedTimestamp"]);
                ui.label(if a["TwoWayEnabled"] == true {
                    "on"
                } else {
                    "off"
                });
                ui.label(a["TwoWayMediaS3BucketName"].as_str().unwrap_or("—"));
                ui.label(if a["DeletionProtectionEnabled"] == true {
                    "on"
                } else {
                    "off"
                });
                ui.end_row();
            }
        });
    if let Some(token) = state
        .agents
        .value
        .as_ref()
        .and_then(|v| v["NextToken"].as_str())
        .map(str::to_owned)
        && ui.button("Load more").clicked()
    {
        state.agents.loading = true;
        commands.push(Command::Account(AccountOp::ListAgents(query(
            state,
            Some(token),
        ))));
    }
    ui.separator();
    create(ui, state, commands);
    let selected = state.selected_agent.clone().and_then(|id| {
        list.iter()
            .find(|a| a["RcsAgentId"] == id.as_str())
            .cloned()
    });
    if let Some(agent) = selected {
        ui.separator();
        details(ui, state, &agent, commands);
    }
}

fn create(ui: &mut Ui, state: &mut AccountState, commands: &mut Vec<Command>) {
    egui::CollapsingHeader::new("Create an agent")
        .id_salt("create-agent")
        .show(ui, |ui| {
            let f = &mut state.new_agent;
            ui.checkbox(&mut f.deletion_protection, "Protect from deletion");
            ui.horizontal(|ui| {
                let l = ui.label("Opt-out list");
                ui.text_edit_singleline(&mut f.opt_out_list)
                    .labelled_by(l.id);
            });
            ui.horizontal(|ui| {
                let l = ui.label("Tags");
                ui.add(
                    egui::TextEdit::singleline(&mut f.tags).hint_text("team=marketing, env=test"),
                )
                .labelled_by(l.id);
            });
            let tags: Option<Vec<(String, String)>> = f
                .tags
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| {
                    t.split_once('=')
                        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
                })
                .collect();
            if tags.is_none() {
                ui.label(
                    RichText::new("Write tags as key=value, separated by commas.")
                        .color(crate::ui::theme::ERROR),
                );
            }
            let opt_out_list =
                (!f.opt_out_list.trim().is_empty()).then(|| f.opt_out_list.trim().to_owned());
            let issues = tags.as_ref().map_or_else(Vec::new, |tags| {
                validate_new_agent(opt_out_list.as_deref(), tags)
            });
            for i in &issues {
                crate::ui::views::editor::form::issue_line(ui, i);
            }
            if ui
                .add_enabled(
                    tags.is_some() && !has_errors(&issues),
                    egui::Button::new("Create agent"),
                )
                .clicked()
            {
                commands.push(Command::Account(AccountOp::CreateAgent {
                    deletion_protection: f.deletion_protection,
                    opt_out_list,
                    tags: tags.unwrap_or_default(),
                }));
            }
        });
}

/// The editable settings of an agent.
fn settings_form(ui: &mut Ui, f: &mut AgentForm) {
    ui.strong("Settings");
    ui.checkbox(&mut f.deletion_protection, "Deletion protection on");
    ui.checkbox(&mut f.self_managed_opt_outs, "Self-managed opt-outs");
    ui.checkbox(&mut f.two_way, "Two-way messaging");
    let field = |ui: &mut Ui, label: &str, value: &mut String, hint: &str| {
        ui.horizontal(|ui| {
            let l = ui.label(label);
            ui.add(
                egui::TextEdit::singleline(value)
                    .hint_text(hint)
                    .desired_width(300.0),
            )
            .labelled_by(l.id);
        });
    };
    field(ui, "Opt-out list", &mut f.opt_out_list, "");
    field(
        ui,
        "Two-way channel ARN",
        &mut f.channel_arn,
        "arn:aws:sns:…",
    );
    field(
        ui,
        "Two-way channel role",
        &mut f.channel_role,
        "arn:aws:iam::…:role/…",
    );
    field(
        ui,
        "Inbound media bucket",
        &mut f.media_bucket,
        "bucket name",
    );
    field(
        ui,
        "Inbound media key prefix",
        &mut f.media_prefix,
        "inbound/",
    );
    field(
        ui,
        "Inbound media role",
        &mut f.media_role,
        "arn:aws:iam::…:role/…",
    );
    field(
        ui,
        "Two-way RCS events",
        &mut f.events,
        "ALL, or types separated by commas; empty disables all",
    );
}

fn details(ui: &mut Ui, state: &mut AccountState, agent: &Value, commands: &mut Vec<Command>) {
    let before = AgentForm::from_record(agent);
    if state.agent_form.for_agent != before.for_agent {
        state.agent_form = before.clone();
    }
    ui.strong(format!("Agent {}", before.for_agent));
    record_grid(ui, "agent-record", agent);
    ui.horizontal(|ui| {
        if ui
            .button("Use as origination")
            .on_hover_text("Send the template from this agent")
            .clicked()
        {
            commands.push(Command::SetOrigination(before.for_agent.clone()));
        }
    });
    ui.add_space(6.0);
    settings_form(ui, &mut state.agent_form);
    let f = &state.agent_form;
    let update = f.update(&before);
    let two_way_after = update.two_way_enabled.unwrap_or(before.two_way);
    let issues = validate_agent_update(&update, two_way_after);
    for i in &issues {
        crate::ui::views::editor::form::issue_line(ui, i);
    }
    let unchanged = *f == before;
    ui.horizontal(|ui| {
        if ui.add_enabled(!unchanged && !has_errors(&issues), egui::Button::new("Apply changes")).clicked() {
            commands.push(Command::Account(AccountOp::UpdateAgent(update.clone())));
        }
        let has_media = !before.media_bucket.is_empty();
        if ui
            .add_enabled(has_media, egui::Button::new("Remove inbound media"))
            .on_disabled_hover_text("No inbound media is configured.")
            .clicked()
        {
            commands.push(Command::Account(AccountOp::UpdateAgent(AgentUpdate {
                rcs_agent_id: before.for_agent.clone(),
                two_way_media_s3_bucket_name: Some(UNSET_MEDIA.into()),
                two_way_media_s3_role: Some(UNSET_MEDIA.into()),
                ..AgentUpdate::default()
            })));
        }
        let protected = before.deletion_protection;
        if ui
            .add_enabled(!protected, egui::Button::new("Delete agent…"))
            .on_disabled_hover_text("Deletion protection is on: turn it off and apply before deleting.")
            .clicked()
        {
            commands.push(Command::ConfirmAccount {
                title: "Delete this RCS agent?".into(),
                text: format!("{} will be deleted. Messages can no longer be sent from it. This cannot be undone.", before.for_agent),
                op: AccountOp::DeleteAgent(before.for_agent.clone()),
            });
        }
    });
}
