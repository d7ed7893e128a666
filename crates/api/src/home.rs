//! H1 home: what needs the person's action, each from the list that handles it (the same
//! endpoints and filters that page uses, one small request each), in the order to act on it.
//! The app asks only for the kinds whose page the person may open.

use crate::association::{status as event_status, EventQuery};
use crate::coupons::{quota_status, ListQuotaCouponsRequest};
use crate::incentives::model::{bill_status, status as incentive_status, ListIncentivesRequest};
use crate::invoices::{status as invoice_status, ListInvoicesRequest};
use crate::time::{to_wire, Instant};

/// Quotas expiring within this many days are worth a look.
pub const QUOTA_EXPIRY_DAYS: i64 = 30;
/// A session ending within this many minutes is said on the home page (as the session
/// banner does).
pub const SESSION_WARNING_MINUTES: i64 = 10;
/// Quotas fetched to find the earliest expiry among the expiring ones (a partner rarely has
/// more; the count is exact whatever the number).
pub const QUOTA_SAMPLE: i64 = 100;

/// What needs the person, in the order shown when nothing is due sooner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActionKind {
    /// The session ends soon: sign in again to keep working.
    SessionExpiring,
    /// Customer-initiated association events waiting for the partner's answer (with a deadline).
    EventsToHandle,
    /// Incentive bills waiting for confirmation (确认账单).
    BillsToConfirm,
    /// Mailed invoices to sign for (签收).
    InvoicesToSign,
    /// Usable quotas that expire within [`QUOTA_EXPIRY_DAYS`].
    QuotasExpiring,
}

impl ActionKind {
    pub const ALL: [ActionKind; 5] = [
        ActionKind::SessionExpiring,
        ActionKind::EventsToHandle,
        ActionKind::BillsToConfirm,
        ActionKind::InvoicesToSign,
        ActionKind::QuotasExpiring,
    ];
}

/// One thing to do: how many, and the earliest date it is due by, when there is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Action {
    pub kind: ActionKind,
    pub count: u64,
    pub due: Option<Instant>,
}

/// Events waiting for the partner, the one due first first (its deadline is the item's).
pub fn events_to_handle() -> EventQuery {
    EventQuery {
        statuses: vec![event_status::PENDING_PARTNER.to_string()],
        order_by: Some("deadline".to_string()),
        offset: Some(0),
        limit: Some(1),
        ..Default::default()
    }
}

/// Passed incentives whose bill waits for the partner.
pub fn bills_to_confirm() -> ListIncentivesRequest {
    ListIncentivesRequest {
        status: Some(incentive_status::PASSED.to_string()),
        bill_status: Some(bill_status::PENDING.to_string()),
        offset: Some(0),
        limit: Some(1),
        ..Default::default()
    }
}

/// Mailed invoices waiting to be signed for.
pub fn invoices_to_sign() -> ListInvoicesRequest {
    ListInvoicesRequest {
        status: Some(invoice_status::PENDING_RECEIPT.to_string()),
        offset: Some(0),
        limit: Some(1),
        ..Default::default()
    }
}

/// The partner's own usable quotas expiring between now and [`QUOTA_EXPIRY_DAYS`] from now.
pub fn quotas_expiring(now: Instant) -> ListQuotaCouponsRequest {
    let until = now + chrono::Duration::days(QUOTA_EXPIRY_DAYS);
    ListQuotaCouponsRequest {
        quota_status_list: vec![quota_status::NORMAL],
        expire_time_begin: Some(to_wire(&now)),
        expire_time_end: Some(to_wire(&until)),
        offset: Some(0),
        limit: Some(QUOTA_SAMPLE),
        ..Default::default()
    }
}

/// The session item, when the session ends within [`SESSION_WARNING_MINUTES`].
pub fn session_expiring(expires_at: Instant, now: Instant) -> Option<Action> {
    let left = expires_at - now;
    (left <= chrono::Duration::minutes(SESSION_WARNING_MINUTES)).then_some(Action {
        kind: ActionKind::SessionExpiring,
        count: 1,
        due: Some(expires_at),
    })
}

/// The list shown: nothing with a count of zero; the session first, then what is due
/// soonest, then the rest in [`ActionKind`] order.
pub fn to_show(mut actions: Vec<Action>) -> Vec<Action> {
    actions.retain(|a| a.count > 0);
    actions.sort_by_key(|a| (a.kind != ActionKind::SessionExpiring, a.due.is_none(), a.due, a.kind));
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_wire;

    fn at(s: &str) -> Instant {
        parse_wire(s).unwrap()
    }

    #[test]
    fn requests_ask_for_exactly_what_the_pages_show() {
        let now = at("2026-12-04T02:00:00Z");
        let q = quotas_expiring(now);
        assert_eq!(q.expire_time_begin.as_deref(), Some("2026-12-04T02:00:00Z"));
        assert_eq!(q.expire_time_end.as_deref(), Some("2027-01-03T02:00:00Z"));
        assert_eq!(q.quota_status_list, vec![quota_status::NORMAL]);
        assert!(q.check().is_ok(), "a request the server accepts");
        assert!(bills_to_confirm().check().is_ok());
        assert_eq!(events_to_handle().statuses, vec!["PENDING_PARTNER"]);
        assert_eq!(invoices_to_sign().status.as_deref(), Some("PENDING_RECEIPT"));
    }

    #[test]
    fn the_session_item_only_near_the_end() {
        let end = at("2026-12-04T10:00:00Z");
        assert_eq!(session_expiring(end, at("2026-12-04T09:49:00Z")), None);
        let a = session_expiring(end, at("2026-12-04T09:51:00Z")).unwrap();
        assert_eq!((a.kind, a.due), (ActionKind::SessionExpiring, Some(end)));
    }

    #[test]
    fn order_session_first_then_by_due_then_kind_and_no_zeroes() {
        let a = |kind, count, due: Option<&str>| Action { kind, count, due: due.map(at) };
        let shown = to_show(vec![
            a(ActionKind::QuotasExpiring, 2, Some("2026-12-10T00:00:00Z")),
            a(ActionKind::InvoicesToSign, 1, None),
            a(ActionKind::BillsToConfirm, 0, None),
            a(ActionKind::EventsToHandle, 3, Some("2026-12-06T00:00:00Z")),
            a(ActionKind::SessionExpiring, 1, Some("2026-12-04T10:00:00Z")),
        ]);
        let kinds: Vec<ActionKind> = shown.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            vec![
                ActionKind::SessionExpiring,
                ActionKind::EventsToHandle,
                ActionKind::QuotasExpiring,
                ActionKind::InvoicesToSign
            ]
        );
    }
}
