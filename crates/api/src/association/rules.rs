//! The S13 rules, used by the app (to explain before submitting) and by the sandbox (to refuse):
//! what refuses an unbinding or switch request, and which action is legal in which state.

use super::{action, enterprise_role, event_type, initiator, status, Constraints, MAX_REASON};
use crate::codes;
use crate::time::Instant;
use crate::validate::Violation;
use chrono::Months;

/// At most this many partner requests per customer within [`WINDOW_MONTHS`].
pub const MAX_REQUESTS_PER_WINDOW: usize = 3;
pub const WINDOW_MONTHS: u32 = 3;
/// A customer has this long to answer a partner's request.
pub const CUSTOMER_ANSWER_DAYS: i64 = 7;
/// The partner has this long to answer a customer's unbinding (then it takes effect).
pub const PARTNER_ANSWER_DAYS: i64 = 14;

/// Why a request is refused, in the order the server checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The customer is no longer associated (an unbinding took effect).
    NotAssociated,
    /// A switch to the type the customer already has, or to an unknown type.
    SameOrUnknownType,
    /// Another request for this customer still waits for the customer.
    Pending,
    /// `is_frozen` ≠ 0.
    Frozen,
    ReservedInstances,
    SupportPlan,
    /// An enterprise master account with member accounts under it.
    EnterpriseMaster,
    /// An enterprise member account: the request goes through its master.
    EnterpriseMember,
    /// Three requests within three months; another is possible from `next_allowed`.
    TooMany {
        next_allowed: Instant,
    },
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotAssociated => codes::ASSOC_NOT_ASSOCIATED,
            Refusal::SameOrUnknownType => codes::ASSOC_SAME_TYPE,
            Refusal::Pending => codes::ASSOC_PENDING_REQUEST,
            Refusal::Frozen => codes::ASSOC_FROZEN,
            Refusal::ReservedInstances => codes::ASSOC_RESERVED_INSTANCES,
            Refusal::SupportPlan => codes::ASSOC_SUPPORT_PLAN,
            Refusal::EnterpriseMaster => codes::ASSOC_ENTERPRISE_MASTER,
            Refusal::EnterpriseMember => codes::ASSOC_ENTERPRISE_MEMBER,
            Refusal::TooMany { .. } => codes::ASSOC_TOO_MANY_REQUESTS,
        }
    }

    /// The server's `error_msg` (English; the app shows its own text per code).
    pub fn message(&self) -> String {
        match self {
            Refusal::NotAssociated => "the customer is no longer associated with the partner".into(),
            Refusal::SameOrUnknownType => "target_association_type must be the other association type".into(),
            Refusal::Pending => "another request for this customer is waiting for the customer".into(),
            Refusal::Frozen => "the customer's account is frozen".into(),
            Refusal::ReservedInstances => "the customer has valid reserved instances".into(),
            Refusal::SupportPlan => "the customer has a valid support plan".into(),
            Refusal::EnterpriseMaster => "the customer is an enterprise master account with member accounts".into(),
            Refusal::EnterpriseMember => "the customer is an enterprise member account; ask for its master".into(),
            Refusal::TooMany { next_allowed } => format!(
                "at most {MAX_REQUESTS_PER_WINDOW} requests per {WINDOW_MONTHS} months for a customer; next from {}",
                crate::time::to_wire(next_allowed)
            ),
        }
    }

    /// The refusal a code names (for reading a server answer back).
    pub fn from_code(code: &str) -> Option<Refusal> {
        let all = [
            Refusal::NotAssociated,
            Refusal::SameOrUnknownType,
            Refusal::Pending,
            Refusal::Frozen,
            Refusal::ReservedInstances,
            Refusal::SupportPlan,
            Refusal::EnterpriseMaster,
            Refusal::EnterpriseMember,
            Refusal::TooMany { next_allowed: Instant::default() },
        ];
        all.into_iter().find(|r| r.code() == code)
    }
}

/// The other association type of a site's pair (`1` referral ↔ `2` resale, intl `1` ↔ `3`).
pub fn other_type(current: &str) -> Option<&'static str> {
    match current {
        "1" => Some("2"),
        "2" => Some("1"),
        "3" => Some("1"),
        _ => None,
    }
}

/// When the window lets another request in: three months after the oldest of the last three.
pub fn next_allowed(recent: &[Instant], now: Instant) -> Option<Instant> {
    let window_start = now.checked_sub_months(Months::new(WINDOW_MONTHS))?;
    let mut inside: Vec<Instant> = recent.iter().copied().filter(|t| *t > window_start && *t <= now).collect();
    if inside.len() < MAX_REQUESTS_PER_WINDOW {
        return None;
    }
    inside.sort_unstable();
    let oldest_counted = inside[inside.len() - MAX_REQUESTS_PER_WINDOW];
    oldest_counted.checked_add_months(Months::new(WINDOW_MONTHS))
}

/// Every reason that refuses this request now, in checking order (the server answers the first).
pub fn refusals(c: &Constraints, kind: &str, target: Option<&str>, now: Instant) -> Vec<Refusal> {
    let mut out = Vec::new();
    if !c.associated {
        out.push(Refusal::NotAssociated);
        return out;
    }
    if kind == event_type::PARTNER_SWITCH_TYPE && target.is_none_or(|t| other_type(&c.association_type) != Some(t)) {
        out.push(Refusal::SameOrUnknownType);
    }
    if c.pending_event_id.is_some() {
        out.push(Refusal::Pending);
    }
    if c.is_frozen != 0 {
        out.push(Refusal::Frozen);
    }
    if c.valid_reserved_instances > 0 {
        out.push(Refusal::ReservedInstances);
    }
    if c.valid_support_plans > 0 {
        out.push(Refusal::SupportPlan);
    }
    match c.enterprise_role.as_str() {
        enterprise_role::MASTER if c.enterprise_member_count > 0 => out.push(Refusal::EnterpriseMaster),
        enterprise_role::MEMBER => out.push(Refusal::EnterpriseMember),
        _ => {}
    }
    let recent: Vec<Instant> = c.recent_requests.iter().map(|w| w.0).collect();
    if let Some(next_allowed) = next_allowed(&recent, now) {
        out.push(Refusal::TooMany { next_allowed });
    }
    out
}

/// Checks a reason: required for an objection and a request, ≤ 500 characters always.
pub fn check_reason(reason: Option<&str>, required: bool) -> Result<(), Violation> {
    let trimmed = reason.map(str::trim).unwrap_or_default();
    if required && trimmed.is_empty() {
        return Err(Violation::new("reason", "is required"));
    }
    if trimmed.chars().count() > MAX_REASON {
        return Err(Violation::new("reason", format!("must be at most {MAX_REASON} characters")));
    }
    Ok(())
}

/// The state after `act` on an event of `kind` in `state`, or None when the state does not
/// allow it (`CBC` [`codes::ASSOC_EVENT_STATE`]). Only the partner's own moves are here; the
/// customer's answers and lapsed deadlines are [`customer_answer`] and [`lapse`].
pub fn after_action(kind: &str, state: &str, act: &str) -> Option<&'static str> {
    use event_type::*;
    use status::*;
    match (kind, state, act) {
        (CUSTOMER_UNBIND, PENDING_PARTNER, action::AGREE) => Some(COMPLETED),
        (CUSTOMER_UNBIND, PENDING_PARTNER, action::OBJECT) => Some(OBJECTED),
        (PARTNER_UNBIND | PARTNER_SWITCH_TYPE, PENDING_CUSTOMER, action::CANCEL) => Some(CANCELLED),
        (ACT_FOR_CUSTOMER, PENDING_PARTNER, action::AGREE) => Some(AUTHORIZED),
        (ACT_FOR_CUSTOMER, PENDING_PARTNER | PENDING_CUSTOMER | AUTHORIZED, action::CANCEL) => Some(CANCELLED),
        _ => None,
    }
}

/// Whether an action needs a reason.
pub fn reason_required(act: &str) -> bool {
    act == action::OBJECT
}

/// The actions legal in a state, in the order the app offers them.
pub fn actions(kind: &str, state: &str) -> Vec<&'static str> {
    action::ALL.iter().copied().filter(|a| after_action(kind, state, a).is_some()).collect()
}

/// The customer's answer to a request waiting for them (the sandbox's stand-in for the customer).
pub fn customer_answer(kind: &str, state: &str, agree: bool) -> Option<&'static str> {
    if state != status::PENDING_CUSTOMER {
        return None;
    }
    Some(match (kind, agree) {
        (event_type::ACT_FOR_CUSTOMER, true) => status::AUTHORIZED,
        (_, true) => status::COMPLETED,
        (_, false) => status::REJECTED,
    })
}

/// The state once `deadline` has passed without an answer: a customer's unbinding takes
/// effect (逾期未处理视为同意); anything else waiting lapses.
pub fn lapse(kind: &str, state: &str) -> Option<&'static str> {
    match (kind, state) {
        (event_type::CUSTOMER_UNBIND, status::PENDING_PARTNER) => Some(status::COMPLETED),
        (_, status::PENDING_PARTNER | status::PENDING_CUSTOMER) => Some(status::EXPIRED),
        _ => None,
    }
}

/// Who started an event of this kind when the partner asks for it.
pub fn requested_by(kind: &str) -> &'static str {
    if kind == event_type::CUSTOMER_UNBIND {
        initiator::CUSTOMER
    } else {
        initiator::PARTNER
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::association::WireInstant;
    use chrono::{Duration, TimeZone, Utc};

    fn now() -> Instant {
        Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).unwrap()
    }

    fn clean() -> Constraints {
        Constraints {
            customer_id: "c".into(),
            associated: true,
            association_type: "2".into(),
            is_frozen: 0,
            valid_reserved_instances: 0,
            valid_support_plans: 0,
            enterprise_role: enterprise_role::NONE.into(),
            enterprise_member_count: 0,
            recent_requests: Vec::new(),
            pending_event_id: None,
            checked_at: now(),
        }
    }

    fn first(c: &Constraints, kind: &str, target: Option<&str>) -> Option<Refusal> {
        refusals(c, kind, target, now()).first().copied()
    }

    #[test]
    fn a_clean_customer_may_be_unbound_or_switched() {
        assert_eq!(first(&clean(), event_type::PARTNER_UNBIND, None), None);
        assert_eq!(first(&clean(), event_type::PARTNER_SWITCH_TYPE, Some("1")), None);
    }

    #[test]
    fn each_documented_condition_refuses() {
        let unbind = event_type::PARTNER_UNBIND;
        let cases: Vec<(Constraints, Refusal)> = vec![
            (Constraints { is_frozen: 1, ..clean() }, Refusal::Frozen),
            (Constraints { valid_reserved_instances: 2, ..clean() }, Refusal::ReservedInstances),
            (Constraints { valid_support_plans: 1, ..clean() }, Refusal::SupportPlan),
            (
                Constraints { enterprise_role: "MASTER".into(), enterprise_member_count: 3, ..clean() },
                Refusal::EnterpriseMaster,
            ),
            (Constraints { enterprise_role: "MEMBER".into(), ..clean() }, Refusal::EnterpriseMember),
            (Constraints { pending_event_id: Some("AE1".into()), ..clean() }, Refusal::Pending),
            (Constraints { associated: false, is_frozen: 1, ..clean() }, Refusal::NotAssociated),
        ];
        for (c, want) in cases {
            assert_eq!(first(&c, unbind, None), Some(want), "{c:?}");
            assert_eq!(Refusal::from_code(want.code()).map(|r| r.code()), Some(want.code()));
        }
        // A master without members is fine.
        let lone = Constraints { enterprise_role: "MASTER".into(), ..clean() };
        assert_eq!(first(&lone, unbind, None), None);
        // All reasons are listed, in order.
        let many = Constraints { is_frozen: 1, valid_support_plans: 1, ..clean() };
        assert_eq!(refusals(&many, unbind, None, now()), vec![Refusal::Frozen, Refusal::SupportPlan]);
    }

    #[test]
    fn a_switch_needs_the_other_type() {
        let s = event_type::PARTNER_SWITCH_TYPE;
        assert_eq!(first(&clean(), s, Some("2")), Some(Refusal::SameOrUnknownType));
        assert_eq!(first(&clean(), s, None), Some(Refusal::SameOrUnknownType));
        assert_eq!(first(&clean(), s, Some("9")), Some(Refusal::SameOrUnknownType));
        let referral = Constraints { association_type: "1".into(), ..clean() };
        assert_eq!(first(&referral, s, Some("2")), None);
    }

    #[test]
    fn three_requests_in_three_months_and_the_next_allowed_time() {
        let at = |days: i64| WireInstant(now() - Duration::days(days));
        let two = Constraints { recent_requests: vec![at(10), at(40)], ..clean() };
        assert_eq!(first(&two, event_type::PARTNER_UNBIND, None), None);
        let three = Constraints { recent_requests: vec![at(10), at(40), at(80)], ..clean() };
        let oldest = now() - Duration::days(80);
        let next = oldest.checked_add_months(Months::new(3)).unwrap();
        assert_eq!(first(&three, event_type::PARTNER_UNBIND, None), Some(Refusal::TooMany { next_allowed: next }));
        // One of them older than three months does not count.
        let old = Constraints { recent_requests: vec![at(10), at(40), at(95)], ..clean() };
        assert_eq!(first(&old, event_type::PARTNER_UNBIND, None), None);
        // Exactly at the next allowed time, the oldest drops out.
        assert_eq!(next_allowed(&three.recent_requests.iter().map(|w| w.0).collect::<Vec<_>>(), next), None);
    }

    #[test]
    fn transitions_legal_and_illegal() {
        use event_type::*;
        use status::*;
        let legal = [
            (CUSTOMER_UNBIND, PENDING_PARTNER, action::AGREE, COMPLETED),
            (CUSTOMER_UNBIND, PENDING_PARTNER, action::OBJECT, OBJECTED),
            (PARTNER_UNBIND, PENDING_CUSTOMER, action::CANCEL, CANCELLED),
            (PARTNER_SWITCH_TYPE, PENDING_CUSTOMER, action::CANCEL, CANCELLED),
            (ACT_FOR_CUSTOMER, PENDING_PARTNER, action::AGREE, AUTHORIZED),
            (ACT_FOR_CUSTOMER, PENDING_PARTNER, action::CANCEL, CANCELLED),
            (ACT_FOR_CUSTOMER, PENDING_CUSTOMER, action::CANCEL, CANCELLED),
            (ACT_FOR_CUSTOMER, AUTHORIZED, action::CANCEL, CANCELLED),
        ];
        let mut n_legal = 0;
        for kind in event_type::ALL {
            for state in status::ALL {
                for act in action::ALL {
                    let want = legal.iter().find(|l| l.0 == *kind && l.1 == *state && l.2 == *act).map(|l| l.3);
                    assert_eq!(after_action(kind, state, act), want, "{kind} {state} {act}");
                    n_legal += usize::from(want.is_some());
                }
            }
        }
        assert_eq!(n_legal, legal.len());
        assert_eq!(actions(CUSTOMER_UNBIND, PENDING_PARTNER), vec![action::AGREE, action::OBJECT]);
        assert!(actions(CUSTOMER_UNBIND, OBJECTED).is_empty());
    }

    #[test]
    fn customer_answers_and_lapses() {
        use event_type::*;
        use status::*;
        assert_eq!(customer_answer(PARTNER_UNBIND, PENDING_CUSTOMER, true), Some(COMPLETED));
        assert_eq!(customer_answer(PARTNER_SWITCH_TYPE, PENDING_CUSTOMER, false), Some(REJECTED));
        assert_eq!(customer_answer(ACT_FOR_CUSTOMER, PENDING_CUSTOMER, true), Some(AUTHORIZED));
        assert_eq!(customer_answer(PARTNER_UNBIND, CANCELLED, true), None);
        assert_eq!(lapse(CUSTOMER_UNBIND, PENDING_PARTNER), Some(COMPLETED));
        assert_eq!(lapse(PARTNER_UNBIND, PENDING_CUSTOMER), Some(EXPIRED));
        assert_eq!(lapse(ACT_FOR_CUSTOMER, PENDING_PARTNER), Some(EXPIRED));
        assert_eq!(lapse(ACT_FOR_CUSTOMER, AUTHORIZED), None);
    }

    #[test]
    fn reasons() {
        assert!(check_reason(None, true).is_err());
        assert!(check_reason(Some("  "), true).is_err());
        assert!(check_reason(None, false).is_ok());
        assert!(check_reason(Some(&"字".repeat(500)), true).is_ok());
        assert_eq!(check_reason(Some(&"x".repeat(501)), false).unwrap_err().parameter, "reason");
        assert!(reason_required(action::OBJECT) && !reason_required(action::AGREE));
    }
}
