//! The RCS account window through `egui_kittest`, against the in-process sandbox: agents,
//! the spend limit and configuration sets — create, edit, delete with confirmation.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod support;

use egui_kittest::kittest::{NodeT, Queryable};
use rcs_composer::ui::command::Command;
use support::{ScriptedPicker, app, harness, settle};

type H = egui_kittest::Harness<'static, rcs_composer::ui::app::EframeApp>;

fn open_account() -> (tempfile::TempDir, H) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    std::fs::write(
        dir.path().join("config/settings.json"),
        r#"{"connection": "Sandbox"}"#,
    )
    .unwrap();
    let h = open_account_in(dir.path());
    (dir, h)
}

/// The window on `root`'s folders, its RCS account panel open.
fn open_account_in(root: &std::path::Path) -> H {
    let mut h = harness(root, None, ScriptedPicker::answering(&[]));
    h.get_by_label("RCS account").click();
    h.run_steps(2);
    settle(&mut h);
    h
}

fn click(h: &mut H, label: &str) {
    // The window scrolls: bring the widget into view first, as a user would.
    h.get_by_label(label).scroll_to_me();
    // Let the scroll animation finish so the click lands where the widget is.
    let _ = h.try_run();
    h.get_by_label(label).click();
    h.run_steps(2);
    settle(h);
}

fn type_into(h: &mut H, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    // Let the scroll animation finish so the click lands where the widget is.
    let _ = h.try_run();
    h.get_by_label(label).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run_steps(2);
}

fn agent_ids(h: &H) -> Vec<String> {
    app(h).account.agent_ids()
}

#[test]
fn create_an_agent_enable_two_way_media_use_it_and_delete_it() {
    let (_dir, mut h) = open_account();
    assert_eq!(agent_ids(&h), ["rcs-agent-sandbox"]);
    click(&mut h, "Create an agent");
    click(&mut h, "Create agent");
    let ids = agent_ids(&h);
    assert_eq!(ids.len(), 2);
    let id = app(&h).account.selected_agent.clone().unwrap();
    assert!(
        h.query_by_label_contains(&format!("Created RCS agent {id}"))
            .is_some()
    );
    // Media without two-way is flagged locally and cannot be applied.
    type_into(&mut h, "Inbound media bucket", "inbound-media");
    type_into(
        &mut h,
        "Inbound media role",
        "arn:aws:iam::123456789012:role/media",
    );
    assert!(
        h.query_by_label_contains("Inbound media needs two-way messaging")
            .is_some()
    );
    assert!(
        h.get_by_label("Apply changes")
            .accesskit_node()
            .is_disabled()
    );
    click(&mut h, "Two-way messaging");
    click(&mut h, "Apply changes");
    assert!(
        matches!(&app(&h).account.message, Some(Ok(m)) if m.starts_with("Updated")),
        "{:?}",
        app(&h).account.message
    );
    let agent = app(&h).account.agents.value.clone().unwrap()["RcsAgents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["RcsAgentId"] == id.as_str())
        .cloned()
        .unwrap();
    assert_eq!(agent["TwoWayMediaS3BucketName"], "inbound-media");
    assert_eq!(agent["TwoWayEnabled"], true);
    click(&mut h, "Use as origination");
    // The agent is what the Send tab sends from on this connection; the template is untouched.
    assert_eq!(
        app(&h).send_request().origination_identity.as_deref(),
        Some(id.as_str())
    );
    assert_eq!(app(&h).doc.draft.request.origination_identity, None);
    assert!(!app(&h).is_dirty());
    click(&mut h, "Delete agent…");
    assert!(h.query_by_label("Delete this RCS agent?").is_some());
    click(&mut h, "Cancel");
    assert_eq!(agent_ids(&h).len(), 2);
    click(&mut h, "Delete agent…");
    click(&mut h, "Delete");
    assert_eq!(agent_ids(&h), ["rcs-agent-sandbox"]);
}

#[test]
fn the_sandbox_account_is_still_there_when_the_window_opens_again() {
    let (dir, mut h) = open_account();
    click(&mut h, "Create an agent");
    click(&mut h, "Create agent");
    let id = app(&h).account.selected_agent.clone().unwrap();
    let file = dir.path().join("data/sandbox-state.json");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains(&id), "{saved}");
    // Closing the window stops its sandbox; the next one reads the same file.
    drop(h);
    let h = open_account_in(dir.path());
    assert_eq!(agent_ids(&h), ["rcs-agent-sandbox", id.as_str()]);
}

#[test]
fn a_protected_agent_cannot_be_deleted_until_protection_is_off() {
    let (_dir, mut h) = open_account();
    click(&mut h, "Create an agent");
    click(&mut h, "Protect from deletion");
    click(&mut h, "Create agent");
    assert!(
        h.get_by_label("Delete agent…")
            .accesskit_node()
            .is_disabled()
    );
    click(&mut h, "Deletion protection on");
    click(&mut h, "Apply changes");
    assert!(
        !h.get_by_label("Delete agent…")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn set_and_clear_the_rcs_spend_limit() {
    let (_dir, mut h) = open_account();
    click(&mut h, "Spend limit");
    assert!(
        h.query_by_label("RCS_MESSAGE_MONTHLY_SPEND_LIMIT")
            .is_some()
    );
    type_into(&mut h, "RCS monthly limit (USD)", "5000");
    assert!(
        h.get_by_label("Set override")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        h.query_by_label_contains("at most 1000 USD (MaxLimit)")
            .is_some()
    );
    type_into(&mut h, "RCS monthly limit (USD)", "50");
    click(&mut h, "Set override");
    assert!(
        h.query_by_label_contains("The RCS spend limit is now 50 USD")
            .is_some()
    );
    click(&mut h, "Remove override…");
    assert!(
        h.query_by_label_contains("returns to the MaxLimit AWS set for this account (1000 USD)")
            .is_some()
    );
    click(&mut h, "Remove override");
    let limits = app(&h).account.spend.value.clone().unwrap();
    let rcs = limits["SpendLimits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["Name"] == "RCS_MESSAGE_MONTHLY_SPEND_LIMIT")
        .cloned()
        .unwrap();
    assert_eq!(rcs["Overridden"], false);
}

#[test]
fn a_configuration_set_with_an_rcs_event_destination() {
    let (_dir, mut h) = open_account();
    click(&mut h, "Configuration sets");
    type_into(&mut h, "New configuration set", "rcs-campaigns");
    click(&mut h, "Create set");
    click(&mut h, "rcs-campaigns (0/5 destinations)");
    click(&mut h, "➕ Add event destination");
    type_into(&mut h, "Name", "delivered");
    assert!(
        h.get_by_label("Create destination")
            .accesskit_node()
            .is_disabled(),
        "no topic yet"
    );
    type_into(
        &mut h,
        "Topic ARN",
        "arn:aws:sns:us-east-1:123456789012:rcs-events",
    );
    click(&mut h, "Create destination");
    let sets = app(&h).account.sets.value.clone().unwrap();
    let d = &sets["ConfigurationSets"][0]["EventDestinations"][0];
    assert_eq!(
        d["MatchingEventTypes"],
        serde_json::json!(["RCS_DELIVERED", "RCS_FALLEN_BACK_TO_SMS"])
    );
    click(&mut h, "Delete set…");
    assert!(
        h.query_by_label_contains("Its event destinations go with it: delivered.")
            .is_some()
    );
    click(&mut h, "Delete");
    assert!(
        app(&h).account.sets.value.clone().unwrap()["ConfigurationSets"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // The panels read the connection: switching it resets them (selection included) and
    // reloads them from the newly chosen account.
    assert!(app(&h).account.selected_set.is_some());
    let ctx = h.ctx.clone();
    h.state_mut().0.apply(
        &ctx,
        Command::SetConnection(rcs_composer::aws::Connection::Sandbox),
        false,
    );
    assert!(app(&h).account.sets.value.is_none() && app(&h).account.selected_set.is_none());
    settle(&mut h);
    assert!(app(&h).account.open);
    assert!(app(&h).account.sets.value.is_some(), "reloaded");
}

#[test]
fn a_slow_listing_from_the_previous_connection_does_not_land_in_the_new_one() {
    use rcs_composer::aws::account::ListQuery;
    use rcs_composer::aws::{AwsTarget, Connection};
    use rcs_composer::ui::workers::net::AccountOp;
    let (_dir, mut h) = open_account();
    assert_eq!(agent_ids(&h), ["rcs-agent-sandbox"]);
    // The sandbox answers a request that mentions +15555550408 after 1.5 s; this listing
    // still finds the sandbox's agent.
    let slow = ListQuery {
        filters: vec![(
            "status".into(),
            vec!["ACTIVE".into(), "+15555550408".into()],
        )],
        ..ListQuery::default()
    };
    let ctx = h.ctx.clone();
    h.state_mut()
        .0
        .apply(&ctx, Command::Account(AccountOp::ListAgents(slow)), false);
    h.run_steps(1);
    // While it is on its way, the user switches to another account: an AWS endpoint where
    // nothing listens, so its own listing fails.
    let elsewhere = Connection::Aws(AwsTarget {
        profile: None,
        region: Some("us-east-1".into()),
        endpoint_url: Some("http://127.0.0.1:9".into()),
    });
    h.state_mut()
        .0
        .apply(&ctx, Command::SetConnection(elsewhere), false);
    settle(&mut h);
    assert!(
        agent_ids(&h).is_empty(),
        "the sandbox's late answer must not show as the new account's agents: {:?}",
        agent_ids(&h)
    );
    assert!(
        app(&h).account.agents.error.is_some(),
        "the new account's own answer"
    );
}

#[test]
fn a_second_window_on_the_same_folders_says_its_sandbox_account_is_not_kept() {
    let (dir, first) = open_account();
    let not_kept = "another rcs-composer window's sandbox has the saved account";
    assert!(first.query_by_label_contains(not_kept).is_none());
    // The app opened twice: the first window's sandbox has the saved account.
    let mut second = open_account_in(dir.path());
    assert!(
        second.query_by_label_contains(not_kept).is_some(),
        "the account window, where agents are made, says so"
    );
    // Closed again (its toggle in the menu bar), then the Send tab.
    let button = |h: &H, starts: &str| {
        h.query_all_by_role(egui::accesskit::Role::Button)
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with(starts))
            })
            .unwrap()
            .click();
    };
    button(&second, "RCS account");
    second.run_steps(2);
    assert!(second.query_by_label_contains(not_kept).is_none(), "closed");
    button(&second, "Send");
    second.run_steps(3);
    assert!(
        second.query_by_label_contains(not_kept).is_some(),
        "and so does the Send tab, under the sandbox's endpoint"
    );
    assert!(first.query_by_label_contains(not_kept).is_none());
}
