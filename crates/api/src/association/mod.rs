//! Own contract for S13 association events (关联事件; no public API exists, PARTNER_API.md §10):
//! the event list, the partner's unbinding / association-type switch requests, the handling of
//! events and the constraints that refuse a request. See docs/contracts/association-events.md.
//! The rules (what refuses a request, which action is legal in which state) are in [`rules`].

pub mod rules;

use crate::profile::Person;
use crate::time::Instant;
use serde::{Deserialize, Serialize};

pub const QUERY_PATH: &str = "/v2/partners/association-events/query";
pub const CREATE_PATH: &str = "/v2/partners/association-events";
pub const ACTION_ROUTE: &str = "/v2/partners/association-events/{event_id}/actions";
pub const CONSTRAINTS_ROUTE: &str = "/v2/partners/sub-customers/{customer_id}/association-constraints";

/// What an event is about.
pub mod event_type {
    /// 伙伴发起解除关联: the partner asks the customer to end the association.
    pub const PARTNER_UNBIND: &str = "PARTNER_UNBIND";
    /// 伙伴发起切换关联类型: the partner asks to switch referral ↔ resale.
    pub const PARTNER_SWITCH_TYPE: &str = "PARTNER_SWITCH_TYPE";
    /// 客户发起解除关联: the customer asks to leave; the partner agrees or objects.
    pub const CUSTOMER_UNBIND: &str = "CUSTOMER_UNBIND";
    /// 代客授权: authorisation for the partner to act for the customer (X2).
    pub const ACT_FOR_CUSTOMER: &str = "ACT_FOR_CUSTOMER";
    pub const ALL: &[&str] = &[PARTNER_UNBIND, PARTNER_SWITCH_TYPE, CUSTOMER_UNBIND, ACT_FOR_CUSTOMER];
    /// The kinds a partner may request through `POST /v2/partners/association-events`.
    pub const REQUESTABLE: &[&str] = &[PARTNER_UNBIND, PARTNER_SWITCH_TYPE];
}

/// Who started the event.
pub mod initiator {
    pub const PARTNER: &str = "PARTNER";
    pub const CUSTOMER: &str = "CUSTOMER";
}

/// Where an event stands.
pub mod status {
    /// 待客户处理: waiting for the customer's answer.
    pub const PENDING_CUSTOMER: &str = "PENDING_CUSTOMER";
    /// 待伙伴处理: waiting for the partner (before `deadline`).
    pub const PENDING_PARTNER: &str = "PENDING_PARTNER";
    /// 已异议: the partner objected; the provider reviews it (no further action here).
    pub const OBJECTED: &str = "OBJECTED";
    /// 已完成: the unbinding or the switch took effect.
    pub const COMPLETED: &str = "COMPLETED";
    /// 已授权: the partner may act for the customer.
    pub const AUTHORIZED: &str = "AUTHORIZED";
    /// 客户已拒绝.
    pub const REJECTED: &str = "REJECTED";
    /// 已取消.
    pub const CANCELLED: &str = "CANCELLED";
    /// 已过期: nobody answered before the deadline.
    pub const EXPIRED: &str = "EXPIRED";
    pub const ALL: &[&str] =
        &[PENDING_CUSTOMER, PENDING_PARTNER, OBJECTED, COMPLETED, AUTHORIZED, REJECTED, CANCELLED, EXPIRED];
}

/// What the partner does to an event.
pub mod action {
    pub const AGREE: &str = "AGREE";
    pub const OBJECT: &str = "OBJECT";
    pub const CANCEL: &str = "CANCEL";
    pub const ALL: &[&str] = &[AGREE, OBJECT, CANCEL];
}

/// Whose customer the event is about: the partner's own, or (distributors) a tier-2 reseller's
/// (经销商子客户, read-only for the distributor: the reseller handles them).
pub mod source {
    pub const OWN: &str = "OWN";
    pub const RESELLER: &str = "RESELLER";
    pub const ALL: &[&str] = &[OWN, RESELLER];
}

/// Enterprise-account role of a customer (企业主账号 / 企业子账号).
pub mod enterprise_role {
    pub const NONE: &str = "NONE";
    pub const MASTER: &str = "MASTER";
    pub const MEMBER: &str = "MEMBER";
}

pub const SORT_KEYS: &[&str] = &["created_time", "deadline"];
pub const DEFAULT_ORDER_BY: &str = "-created_time";
/// A reason is at most this many characters.
pub const MAX_REASON: usize = 500;

/// Body of `POST /v2/partners/association-events/query`; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventQuery {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_types: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<String>,
    /// `OWN` or `RESELLER` (distributors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Case-insensitive substring of the account name or real-name customer name (≤64).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// Exact customer id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_begin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventList {
    pub total_count: u64,
    /// `ALL` | `TEAM` | `OWN` (as the opportunity list).
    pub visibility_scope: String,
    pub events: Vec<AssociationEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssociationEvent {
    pub event_id: String,
    /// One of [`event_type`].
    pub event_type: String,
    /// One of [`initiator`].
    pub initiator: String,
    /// One of [`status`], as of the server's business clock (a lapsed deadline is applied).
    pub status: String,
    /// One of [`source`].
    pub source: String,
    pub customer_id: String,
    pub account_name: String,
    pub customer: String,
    /// The customer's association type when the event was created (`1` referral, `2` resale).
    pub association_type: String,
    /// The type asked for by a switch; null otherwise.
    #[serde(default)]
    pub target_association_type: Option<String>,
    #[serde(default)]
    pub indirect_partner_id: Option<String>,
    #[serde(default)]
    pub indirect_partner_name: Option<String>,
    #[serde(default)]
    pub account_manager: Option<Person>,
    /// Why the event was started (the initiator's words).
    #[serde(default)]
    pub reason: Option<String>,
    /// The partner's words when it handled the event (an objection's reason).
    #[serde(default)]
    pub handle_reason: Option<String>,
    #[serde(with = "crate::time::wire")]
    pub created_time: Instant,
    /// Who must answer by when; after it the event lapses (a customer's unbinding then takes effect).
    #[serde(default, with = "crate::time::wire_opt")]
    pub deadline: Option<Instant>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub handled_time: Option<Instant>,
    /// Seconds from the answer's server time to `deadline` while the event waits (null
    /// otherwise): the browser's clock may differ from the server's business clock.
    #[serde(default)]
    pub seconds_left: Option<i64>,
    /// The actions the signed-in person may take now (one of [`action`] each).
    #[serde(default)]
    pub allowed_actions: Vec<String>,
}

/// Body of `POST /v2/partners/association-events`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateEventRequest {
    pub customer_id: String,
    /// `PARTNER_UNBIND` or `PARTNER_SWITCH_TYPE`.
    pub event_type: String,
    /// Required for a switch: the other association type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_association_type: Option<String>,
    /// 1–500 characters.
    pub reason: String,
    /// Chosen by the client once per form (≤64): the same token never creates a second event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
}

/// `POST /v2/partners/association-events/{event_id}/actions`
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventActionRequest {
    pub event_id: String,
    pub body: EventAction,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventAction {
    /// One of [`action`].
    pub action: String,
    /// Required (1–500) for `OBJECT`; optional otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `GET /v2/partners/sub-customers/{customer_id}/association-constraints`
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConstraintsRequest {
    pub customer_id: String,
}

/// What the server knows that may refuse a request for this customer, as of `checked_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Constraints {
    pub customer_id: String,
    /// False once an unbinding took effect.
    pub associated: bool,
    pub association_type: String,
    /// As C1: `0` no, `1` account frozen, `2` account and resources frozen.
    pub is_frozen: i32,
    /// Reserved instances still valid (有效的预留实例).
    pub valid_reserved_instances: u32,
    /// Support plans still valid (有效的支持计划).
    pub valid_support_plans: u32,
    /// One of [`enterprise_role`].
    pub enterprise_role: String,
    /// Member accounts under an enterprise master.
    pub enterprise_member_count: u32,
    /// Creation times of the partner's requests for this customer within the window.
    #[serde(default)]
    pub recent_requests: Vec<WireInstant>,
    /// A request still waiting for the customer.
    #[serde(default)]
    pub pending_event_id: Option<String>,
    /// The server's business time the rest is true at.
    #[serde(with = "crate::time::wire")]
    pub checked_at: Instant,
}

/// An instant in a list (serde `with` does not reach into a `Vec`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct WireInstant(#[serde(with = "crate::time::wire")] pub Instant);

pub fn action_path(event_id: &str) -> String {
    crate::endpoint::fill_route(ACTION_ROUTE, &[event_id])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_omits_absent_filters() {
        let q = EventQuery { statuses: vec![status::PENDING_PARTNER.into()], limit: Some(20), ..Default::default() };
        assert_eq!(serde_json::to_string(&q).unwrap(), r#"{"statuses":["PENDING_PARTNER"],"limit":20}"#);
        assert!(serde_json::from_str::<EventQuery>(r#"{"nope":1}"#).is_err());
    }

    #[test]
    fn event_round_trip() {
        let body = r#"{"event_id":"AE1","event_type":"CUSTOMER_UNBIND","initiator":"CUSTOMER","status":"PENDING_PARTNER",
          "source":"OWN","customer_id":"c1","account_name":"acme","customer":"Acme","association_type":"2",
          "created_time":"2026-11-10T01:02:03Z","deadline":"2026-11-24T01:02:03Z","allowed_actions":["AGREE","OBJECT"]}"#;
        let e: AssociationEvent = serde_json::from_str(body).unwrap();
        assert_eq!(e.handled_time, None);
        assert_eq!(crate::time::to_wire(&e.deadline.unwrap()), "2026-11-24T01:02:03Z");
        let again = serde_json::to_string(&e).unwrap();
        assert!(again.contains(r#""deadline":"2026-11-24T01:02:03Z""#));
    }

    #[test]
    fn action_path_is_encoded() {
        assert_eq!(action_path("a/b"), "/v2/partners/association-events/a%2Fb/actions");
    }
}
