//! Network work for the window on a tokio runtime beside eframe: requests never block the UI
//! thread; results come back through a bounded channel followed by a repaint request.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, SyncSender};

use aws_sdk_pinpointsmsvoicev2::Client;

use crate::aws::account::ListQuery;
use crate::aws::{self, Connection, Failure, FailureKind};
use crate::campaign::{self, progress::Progress};
use crate::rcs::account::{AgentUpdate, EventDestinationSpec};
use crate::rcs::model::SendRcsMessageRequest;
use crate::sandbox::{Sandbox, SandboxOptions};
use crate::ui::workers::generation::Generation;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

#[derive(Debug)]
pub enum NetJob {
    /// Find out which connection to default to: AWS when credentials are configured, else the
    /// sandbox.
    Probe,
    Profiles,
    Send {
        id: u64,
        connection: Connection,
        request: Box<SendRcsMessageRequest>,
    },
    /// An account request for the connection of `generation`.
    Account {
        generation: Generation,
        connection: Connection,
        op: AccountOp,
    },
    /// The campaign runner's checks (and, for a confirmation, its counting pass), blocking
    /// work moved off the runtime's worker.
    CampaignPrepare {
        id: u64,
        options: Box<campaign::run::Options>,
        count: bool,
    },
    /// A campaign run; progress goes to `progress`, whose receiver the window reads.
    CampaignRun {
        id: u64,
        plan: Box<campaign::run::Plan>,
        connection: Connection,
        progress: watch::Sender<Progress>,
        cancel: CancellationToken,
    },
}

/// An RCS account operation for the account panels.
#[derive(Debug, Clone, PartialEq)]
pub enum AccountOp {
    ListAgents(ListQuery),
    CreateAgent {
        deletion_protection: bool,
        opt_out_list: Option<String>,
        tags: Vec<(String, String)>,
    },
    UpdateAgent(AgentUpdate),
    DeleteAgent(String),
    SpendLimits,
    SetSpend(i64),
    ClearSpend,
    ListConfigSets(ListQuery),
    CreateConfigSet(String),
    DeleteConfigSet(String),
    PutDestination {
        spec: EventDestinationSpec,
        create: bool,
    },
    DeleteDestination {
        set: String,
        name: String,
    },
}

impl AccountOp {
    /// Whether the answer replaces a list (rather than reporting a change).
    #[must_use]
    pub fn is_listing(&self) -> bool {
        matches!(
            self,
            Self::ListAgents(_) | Self::SpendLimits | Self::ListConfigSets(_)
        )
    }
}

#[derive(Debug)]
pub enum NetDone {
    Probed {
        has_credentials: bool,
    },
    Profiles(Vec<String>),
    /// The answer to a send, with the request as sent (its verdict belongs to that request).
    Sent {
        id: u64,
        request: Box<SendRcsMessageRequest>,
        result: Result<String, Failure>,
    },
    Account {
        generation: Generation,
        op: AccountOp,
        result: Result<serde_json::Value, Failure>,
    },
    /// The window's sandbox answers at `url`; `kept`: its account is kept in the state file
    /// (false when another window's sandbox has that file).
    SandboxStarted {
        url: String,
        kept: bool,
    },
    CampaignPrepared {
        id: u64,
        result: Result<Prepared, String>,
    },
    CampaignDone {
        id: u64,
        result: Result<Box<campaign::run::Outcome>, String>,
    },
}

/// A campaign plan the runner accepted, with its counts when asked for.
#[derive(Debug)]
pub struct Prepared {
    pub plan: Box<campaign::run::Plan>,
    pub totals: Option<campaign::run::Totals>,
}

pub struct Net {
    rt: tokio::runtime::Runtime,
    tx: SyncSender<NetDone>,
    rx: Receiver<NetDone>,
    ctx: egui::Context,
    sandbox: Arc<tokio::sync::Mutex<Option<Sandbox>>>,
    /// The in-process sandbox's state file.
    sandbox_state: Arc<PathBuf>,
    pending: usize,
}

impl Net {
    /// The sandbox, when first used, keeps its account in `sandbox_state`.
    ///
    /// # Errors
    /// When the runtime's threads cannot be started.
    pub fn start(ctx: &egui::Context, sandbox_state: PathBuf) -> std::io::Result<Self> {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("rcs-net")
            .enable_all()
            .build()?;
        let (tx, rx) = mpsc::sync_channel(64);
        Ok(Self {
            rt,
            tx,
            rx,
            ctx: ctx.clone(),
            sandbox: Arc::new(tokio::sync::Mutex::new(None)),
            sandbox_state: Arc::new(sandbox_state),
            pending: 0,
        })
    }

    pub fn submit(&mut self, job: NetJob) {
        if let NetJob::CampaignRun { progress, .. } = &job {
            // Each published progress repaints the window; the task ends with the run.
            let mut watcher = progress.subscribe();
            let ctx = self.ctx.clone();
            self.rt.spawn(async move {
                while watcher.changed().await.is_ok() {
                    ctx.request_repaint();
                }
            });
        }
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        let sandbox = Arc::clone(&self.sandbox);
        let state_file = Arc::clone(&self.sandbox_state);
        self.pending += 1;
        self.rt.spawn(async move {
            for done in run(job, &sandbox, &state_file).await {
                if tx.send(done).is_err() {
                    return;
                }
            }
            ctx.request_repaint();
        });
    }

    pub fn poll(&mut self) -> Option<NetDone> {
        let done = self.rx.try_recv().ok()?;
        if !matches!(done, NetDone::SandboxStarted { .. }) {
            self.pending = self.pending.saturating_sub(1);
        }
        Some(done)
    }

    #[must_use]
    pub fn pending(&self) -> usize {
        self.pending
    }
}

/// A client for the connection, starting the in-process sandbox on first use.
async fn client(
    connection: &Connection,
    sandbox: &tokio::sync::Mutex<Option<Sandbox>>,
    state_file: &Path,
    out: &mut Vec<NetDone>,
) -> Result<Client, Failure> {
    match connection {
        Connection::Aws(target) => aws::connection::aws_client(target).await,
        Connection::Sandbox => {
            let mut guard = sandbox.lock().await;
            if guard.is_none() {
                let (started, kept) = start_sandbox(state_file).await.map_err(|e| {
                    // Names the state file when it is the cause (left untouched if corrupt).
                    Failure::new(
                        FailureKind::Network,
                        format!("The local sandbox could not start: {e}"),
                    )
                })?;
                out.push(NetDone::SandboxStarted {
                    url: started.url(),
                    kept,
                });
                *guard = Some(started);
            }
            let url = guard.as_ref().map(Sandbox::url).unwrap_or_default();
            Ok(aws::connection::sandbox_client(&url))
        }
    }
}

/// The window's sandbox on a free port, its account kept in `state_file`, and whether it is
/// kept there. When another window's sandbox holds that file (the app opened twice), this one
/// starts with a fresh account of its own that is not kept: writing over the other's file would
/// lose what was made there.
async fn start_sandbox(state_file: &Path) -> std::io::Result<(Sandbox, bool)> {
    if let Some(dir) = state_file.parent() {
        // The data folder may not exist yet on a first run. A blocking call, but once.
        std::fs::create_dir_all(dir).map_err(|e| {
            std::io::Error::new(e.kind(), format!("cannot create {}: {e}", dir.display()))
        })?;
    }
    let kept = Sandbox::start_with(SandboxOptions {
        port: 0,
        state: Some(state_file.to_owned()),
        ..SandboxOptions::default()
    })
    .await;
    match kept {
        Err(e) if e.kind() == std::io::ErrorKind::ResourceBusy => {
            let own = Sandbox::start_with(SandboxOptions {
                port: 0,
                ..SandboxOptions::default()
            })
            .await?;
            Ok((own, false))
        }
        kept => kept.map(|s| (s, true)),
    }
}

async fn run(
    job: NetJob,
    sandbox: &tokio::sync::Mutex<Option<Sandbox>>,
    state_file: &Path,
) -> Vec<NetDone> {
    let mut out = Vec::new();
    match job {
        NetJob::Probe => out.push(NetDone::Probed {
            has_credentials: aws::connection::credentials_configured(),
        }),
        NetJob::Profiles => out.push(NetDone::Profiles(aws::connection::profile_names())),
        NetJob::Send {
            id,
            connection,
            request,
        } => {
            let result = match client(&connection, sandbox, state_file, &mut out).await {
                Ok(client) => aws::send::send(&client, &request).await,
                Err(e) => Err(e),
            };
            out.push(NetDone::Sent {
                id,
                request,
                result,
            });
        }
        NetJob::Account {
            generation,
            connection,
            op,
        } => {
            let result = match client(&connection, sandbox, state_file, &mut out).await {
                Ok(client) => account(&client, &op).await,
                Err(e) => Err(e),
            };
            out.push(NetDone::Account {
                generation,
                op,
                result,
            });
        }
        NetJob::CampaignPrepare { id, options, count } => {
            let result = tokio::task::spawn_blocking(move || prepare(*options, count))
                .await
                .unwrap_or_else(|e| Err(format!("the campaign's checks stopped: {e}")));
            out.push(NetDone::CampaignPrepared { id, result });
        }
        NetJob::CampaignRun {
            id,
            plan,
            connection,
            progress,
            cancel,
        } => {
            let result = match client(&connection, sandbox, state_file, &mut out).await {
                Ok(client) => campaign::run::run(*plan, Some(client), progress, cancel)
                    .await
                    .map(Box::new)
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            out.push(NetDone::CampaignDone { id, result });
        }
    }
    out
}

/// The runner's checks, and its counting pass when `count` (blocking: a thread of its own).
fn prepare(options: campaign::run::Options, count: bool) -> Result<Prepared, String> {
    for path in [&options.report, &options.journal].into_iter().flatten() {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
    }
    let plan = campaign::run::Plan::prepare(options).map_err(|e| e.to_string())?;
    let totals = if count {
        Some(campaign::run::count(&plan).map_err(|e| e.to_string())?)
    } else {
        None
    };
    Ok(Prepared {
        plan: Box::new(plan),
        totals,
    })
}

async fn account(c: &Client, op: &AccountOp) -> Result<serde_json::Value, Failure> {
    use aws::account as a;
    match op {
        AccountOp::ListAgents(q) => a::describe_agents(c, q).await,
        AccountOp::CreateAgent {
            deletion_protection,
            opt_out_list,
            tags,
        } => a::create_agent(c, *deletion_protection, opt_out_list.clone(), tags).await,
        AccountOp::UpdateAgent(u) => a::update_agent(c, u).await,
        AccountOp::DeleteAgent(id) => a::delete_agent(c, id).await,
        AccountOp::SpendLimits => a::spend_limits(c).await,
        AccountOp::SetSpend(limit) => a::set_spend_limit(c, *limit).await,
        AccountOp::ClearSpend => a::clear_spend_limit(c).await,
        AccountOp::ListConfigSets(q) => a::describe_config_sets(c, q).await,
        AccountOp::CreateConfigSet(name) => a::create_config_set(c, name).await,
        AccountOp::DeleteConfigSet(name) => a::delete_config_set(c, name).await,
        AccountOp::PutDestination { spec, create } => {
            a::put_event_destination(c, spec, *create).await
        }
        AccountOp::DeleteDestination { set, name } => {
            a::delete_event_destination(c, set, name).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_second_windows_sandbox_starts_with_an_account_of_its_own_and_says_it_is_not_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = dir.path().join("data/sandbox-state.json");
        let (first, kept) = start_sandbox(&state).await.expect("first");
        assert!(kept);
        let saved = std::fs::read(&state).expect("written");
        let (second, kept) = start_sandbox(&state).await.expect("second");
        assert!(!kept, "the first window's sandbox has the file");
        assert_ne!(first.url(), second.url());
        assert_eq!(std::fs::read(&state).expect("still there"), saved);
        // Once the first has stopped (its server task ends after the drop), a new start keeps
        // its account again.
        drop(first);
        drop(second);
        let mut kept = false;
        for _ in 0..100 {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            if start_sandbox(&state).await.expect("again").1 {
                kept = true;
                break;
            }
        }
        assert!(kept, "the lock went with the first sandbox");
    }
}
