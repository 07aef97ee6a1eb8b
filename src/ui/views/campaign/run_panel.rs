//! The Campaign section of the Audience tab: Dry run all, Send to N recipients…, the live
//! progress with Cancel, and the end of the run with its report and journal.

use egui::{RichText, Ui};

use crate::campaign::progress::{Progress, State};
use crate::campaign::run::{End, Mode};
use crate::ui::campaign::run_state::{Phase, RunState, clock, mode_words};
use crate::ui::command::Command;
use crate::ui::theme;
use crate::ui::views::campaign::panel::thousands;

pub struct RunInput<'a> {
    pub run: &'a RunState,
    /// Rows that pass the checks: the recipients of a send (`None` until they are checked).
    pub valid: Option<u64>,
    pub origination: Option<&'a str>,
    pub connection: &'a str,
    /// Why no run can start now, in words (empty: one can).
    pub blockers: &'a [String],
}

pub fn show(ui: &mut Ui, input: &RunInput<'_>, commands: &mut Vec<Command>) {
    ui.strong("Campaign");
    ui.label(format!("Connection: {}", input.connection));
    ui.label(match input.origination {
        Some(o) => format!("From: {o}"),
        None => "From: (no origination yet)".to_owned(),
    });
    let busy = input.run.busy();
    let ready = input.blockers.is_empty() && !busy;
    let why = if busy {
        "A campaign run is under way: one at a time.".to_owned()
    } else {
        input.blockers.join(" ")
    };
    ui.horizontal(|ui| {
        if ui
            .add_enabled(ready, egui::Button::new("Dry run all"))
            .on_hover_text("Every valid row as a DryRun request: the service checks each message; nothing is delivered.")
            .on_disabled_hover_text(&why)
            .clicked()
        {
            commands.push(Command::CampaignRun(Mode::DryRun));
        }
        let send = match input.valid {
            Some(n) => format!(
                "Send to {} {}…",
                thousands(n),
                if n == 1 { "recipient" } else { "recipients" }
            ),
            None => "Send…".to_owned(),
        };
        if ui
            .add_enabled(
                ready && input.valid.is_some_and(|n| n > 0),
                egui::Button::new(send),
            )
            .on_hover_text("Send every valid row once, after a confirmation.")
            .on_disabled_hover_text(if ready { "No row passes the checks." } else { &why })
            .clicked()
        {
            commands.push(Command::CampaignRun(Mode::Send));
        }
    });
    for b in input.blockers {
        ui.label(RichText::new(b).small().color(theme::WARNING));
    }
    match &input.run.phase {
        Phase::Idle => {}
        Phase::Preparing { mode } => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!(
                    "{}: checking the template and counting the rows…",
                    mode_words(*mode)
                ));
            });
        }
        Phase::Confirming { totals, .. } => {
            ui.label(format!(
                "Waiting for your confirmation to send to {} recipients.",
                thousands(totals.to_send)
            ));
        }
        Phase::Running { mode, report, .. } => {
            let progress = input.run.progress().unwrap_or_default();
            running(ui, *mode, &progress, commands);
            ui.label(RichText::new(format!("Report: {}", report.display())).small());
        }
        Phase::Done { mode, result } => done(ui, *mode, result.as_deref()),
    }
}

fn running(ui: &mut Ui, mode: Mode, p: &Progress, commands: &mut Vec<Command>) {
    let what = match &p.state {
        State::Starting | State::Checking => "reading the audience".to_owned(),
        State::Sending => "sending".to_owned(),
        State::Cancelled => "cancelling: requests in flight finish".to_owned(),
        State::Paused(why) | State::Unreachable(why) => why.clone(),
        State::Finished => "writing the report".to_owned(),
    };
    ui.label(format!("{} — {what}", mode_words(mode)));
    let bar = if p.total == 0 {
        format!("{} rows", thousands(p.done))
    } else {
        format!("{} / {} rows", thousands(p.done), thousands(p.total))
    };
    ui.add(egui::ProgressBar::new(p.fraction()).text(bar));
    let eta = p
        .eta
        .map_or_else(|| "ETA —".to_owned(), |d| format!("ETA {}", clock(d)));
    ui.label(format!(
        "{:.1} rows/s · {eta} · errors so far: {}",
        p.rows_per_second,
        thousands(p.counts.errors())
    ));
    ui.label(RichText::new(counts_line(p)).small());
    let stopping = p.state.is_stopping();
    if ui
        .add_enabled(!stopping, egui::Button::new("Cancel run"))
        .on_hover_text("Stop sending: requests in flight finish, the rows not reached are reported as not sent.")
        .clicked()
    {
        commands.push(Command::CampaignCancel);
    }
}

fn counts_line(p: &Progress) -> String {
    let c = &p.counts;
    format!(
        "accepted {} · rejected {} · invalid {} · skipped {} · unknown {} · throttled {}",
        thousands(c.accepted),
        thousands(c.rejected),
        thousands(c.invalid),
        thousands(c.skipped),
        thousands(c.unknown),
        thousands(p.throttled)
    )
}

fn done(ui: &mut Ui, mode: Mode, result: Result<&crate::campaign::run::Outcome, &String>) {
    match result {
        Err(e) => {
            ui.label(
                RichText::new(format!("✖ {} did not run: {e}", mode_words(mode)))
                    .color(theme::ERROR),
            );
        }
        Ok(o) => {
            let (text, colour) = match &o.end {
                End::Finished => (
                    format!("{} finished: {} rows.", mode_words(mode), thousands(o.rows)),
                    ui.visuals().text_color(),
                ),
                End::Cancelled => (
                    format!(
                        "{} cancelled: the rows not reached are reported as not sent.",
                        mode_words(mode)
                    ),
                    theme::WARNING,
                ),
                End::Paused(why) | End::Unreachable(why) => (
                    format!("{} stopped: {why}", mode_words(mode)),
                    theme::WARNING,
                ),
            };
            ui.label(RichText::new(text).color(colour));
            let c = &o.counts;
            ui.label(format!(
                "accepted {} · rejected {} · invalid {} · skipped {} · unknown {} · throttled {}",
                thousands(c.accepted),
                thousands(c.rejected),
                thousands(c.invalid),
                thousands(c.skipped),
                thousands(c.unknown),
                thousands(o.throttled)
            ));
            ui.label(RichText::new(format!("Report: {}", o.report.display())).small());
            if let Some(j) = &o.journal {
                ui.label(RichText::new(format!("Journal: {}", j.display())).small());
            }
        }
    }
}
