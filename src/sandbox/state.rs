//! The sandbox's in-memory account: RCS agents, spend limits, configuration sets and the
//! messages it has accepted; and [`Persistent`], the part of it that `--state` keeps.

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const ACCOUNT: &str = "123456789012";
pub const REGION: &str = "us-east-1";
/// The agent every sandbox starts with, so a new user can send at once.
pub const SANDBOX_AGENT: &str = "rcs-agent-sandbox";
/// Destination numbers that make the sandbox answer with an error, to try error handling.
pub const THROTTLE_NUMBER: &str = "+15555550429";
pub const INTERNAL_ERROR_NUMBER: &str = "+15555550500";
/// The service rejects this destination (`ValidationException` on `DestinationPhoneNumber`).
pub const BLOCKED_NUMBER: &str = "+15555550400";
/// The sandbox answers requests to this destination after [`SLOW_SECONDS`].
pub const SLOW_NUMBER: &str = "+15555550408";
pub const SLOW_SECONDS: f64 = 1.5;
/// Media URLs containing this text are "not accessible" to the sandbox (`ValidationException`
/// on that URL's field), to try how service verdicts land on editor fields.
pub const MISSING_MEDIA_MARK: &str = "/missing";

/// A message the sandbox accepted: its id, whether it was a dry run, and the request as it
/// arrived on the wire.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub message_id: String,
    pub dry_run: bool,
    pub request: Value,
}

#[derive(Debug)]
pub struct State {
    counter: u64,
    pub messages: Vec<Accepted>,
    /// Records in the service's own JSON shape, keyed by id.
    pub agents: Vec<Value>,
    pub config_sets: Vec<Value>,
    /// The RCS monthly spend-limit override, if any.
    pub rcs_spend_override: Option<i64>,
}

/// What survives a restart with `--state`: the account, and the id counter so that ids never
/// repeat. Accepted messages are not kept (`--record` is their log). Members are named like the
/// service's, so the file reads like its answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Persistent {
    /// The last id handed out (or reserved); the next one is above it.
    pub id_counter: u64,
    pub rcs_agents: Vec<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rcs_spend_limit_override: Option<i64>,
    pub configuration_sets: Vec<Value>,
}

impl Default for State {
    fn default() -> Self {
        Self::new()
    }
}

impl State {
    #[must_use]
    pub fn new() -> Self {
        let mut state = Self {
            counter: 0,
            messages: Vec::new(),
            agents: Vec::new(),
            config_sets: Vec::new(),
            rcs_spend_override: None,
        };
        let agent = state.agent_record(SANDBOX_AGENT, false, None);
        state.agents.push(agent);
        state
    }

    /// A state that continues `saved`, with no accepted messages.
    #[must_use]
    pub fn from_persistent(saved: Persistent) -> Self {
        Self {
            counter: saved.id_counter,
            messages: Vec::new(),
            agents: saved.rcs_agents,
            config_sets: saved.configuration_sets,
            rcs_spend_override: saved.rcs_spend_limit_override,
        }
    }

    /// The part `--state` keeps, as it is now.
    #[must_use]
    pub fn persistent(&self) -> Persistent {
        Persistent {
            id_counter: self.counter,
            rcs_agents: self.agents.clone(),
            rcs_spend_limit_override: self.rcs_spend_override,
            configuration_sets: self.config_sets.clone(),
        }
    }

    /// Puts the account back as `saved` had it. The id counter stays where it is: ids that
    /// were handed out must not be handed out again.
    pub fn restore_account(&mut self, saved: Persistent) {
        self.agents = saved.rcs_agents;
        self.config_sets = saved.configuration_sets;
        self.rcs_spend_override = saved.rcs_spend_limit_override;
    }

    /// Whether the account differs from `saved` (the id counter aside).
    #[must_use]
    pub fn account_differs(&self, saved: &Persistent) -> bool {
        self.agents != saved.rcs_agents
            || self.config_sets != saved.configuration_sets
            || self.rcs_spend_override != saved.rcs_spend_limit_override
    }

    /// The last id handed out.
    #[must_use]
    pub fn id_counter(&self) -> u64 {
        self.counter
    }

    /// A fresh id in the shape of a UUID; deterministic so tests and screenshots are stable.
    pub fn new_id(&mut self) -> String {
        self.counter += 1;
        let n = self.counter;
        format!("00000000-0000-4000-8000-{n:012x}")
    }

    /// Now, in seconds since the epoch to the millisecond, as AWS gives a creation time. The
    /// real time: the window shows it as the resource's "Created" and a kept state file keeps
    /// it, where a fixed clock's dates read as being in the future, or later in the past.
    #[must_use]
    pub fn now() -> f64 {
        #[expect(
            clippy::cast_precision_loss,
            reason = "milliseconds since 1970 fit in f64's 53 bits for 285,000 years"
        )]
        let seconds = jiff::Timestamp::now().as_millisecond() as f64 / 1000.0;
        seconds
    }

    #[must_use]
    pub fn arn(kind: &str, id: &str) -> String {
        format!("arn:aws:sms-voice:{REGION}:{ACCOUNT}:{kind}/{id}")
    }

    /// A new ACTIVE agent record (the sandbox skips registration).
    pub fn agent_record(
        &mut self,
        id: &str,
        deletion_protection: bool,
        opt_out_list: Option<String>,
    ) -> Value {
        let serial = self.new_id().replace('-', "");
        let pool = format!("pool-{}", &serial[serial.len() - 16..]);
        let mut record = serde_json::json!({
            "RcsAgentArn": Self::arn("rcs-agent", id),
            "RcsAgentId": id,
            "Status": "ACTIVE",
            "CreatedTimestamp": Self::now(),
            "DeletionProtectionEnabled": deletion_protection,
            "SelfManagedOptOutsEnabled": false,
            "TwoWayEnabled": false,
            "PoolId": pool,
            "TwoWayRcsEventsEnabled": [],
        });
        if let Some(list) = opt_out_list {
            record["OptOutListName"] = Value::String(list);
        }
        record
    }

    /// The agent named by id or ARN.
    pub fn agent_mut(&mut self, id_or_arn: &str) -> Option<&mut Value> {
        self.agents
            .iter_mut()
            .find(|a| a["RcsAgentId"] == id_or_arn || a["RcsAgentArn"] == id_or_arn)
    }

    /// The configuration set named by name or ARN.
    pub fn config_set_mut(&mut self, name_or_arn: &str) -> Option<&mut Value> {
        self.config_sets.iter_mut().find(|c| {
            c["ConfigurationSetName"] == name_or_arn || c["ConfigurationSetArn"] == name_or_arn
        })
    }
}
