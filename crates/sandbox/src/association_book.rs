//! The association events the sandbox holds at run time (S13): seeded by `association_seed`,
//! changed by requests, partner actions and the customer stand-in, always through the rules of
//! `partner_api::association::rules`.

use crate::association_seed::{Cases, Event, Flags};
use crate::errors::ApiFailure;
use crate::store::{CustomerIx, Data, PartnerIx};
use axum::http::StatusCode;
use chrono::{Duration, Months};
use partner_api::association::rules::{self, Refusal, CUSTOMER_ANSWER_DAYS, WINDOW_MONTHS};
use partner_api::association::{event_type as et, status as st, Constraints, CreateEventRequest, WireInstant};
use partner_api::codes;
use partner_api::time::Instant;
use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, MutexGuard};

pub struct Book {
    pub flags: HashMap<CustomerIx, Flags>,
    pub events: Vec<Event>,
    /// `client_token`s already used, per partner: the event they created.
    tokens: HashMap<(PartnerIx, String), usize>,
    /// Customers whose unbinding took effect while the sandbox ran.
    unbound: HashSet<CustomerIx>,
    seq: u64,
    pub cases: Cases,
}

pub struct Associations(Mutex<Book>);

impl Associations {
    pub fn seeded(data: &Data, seed: u64) -> Self {
        let s = crate::association_seed::generate(data, seed);
        Associations(Mutex::new(Book {
            flags: s.flags,
            events: s.events,
            tokens: HashMap::new(),
            unbound: HashSet::new(),
            seq: s.next_seq,
            cases: s.cases,
        }))
    }

    pub fn book(&self) -> MutexGuard<'_, Book> {
        self.0.lock().expect("association book lock")
    }
}

/// The status as of `now`: a deadline that passed unanswered is applied.
pub fn effective(e: &Event, now: Instant) -> &'static str {
    match e.deadline {
        Some(d) if d <= now => rules::lapse(e.kind, e.status).unwrap_or(e.status),
        _ => e.status,
    }
}

fn refused(code: &'static str, msg: impl Into<String>) -> ApiFailure {
    ApiFailure::new(StatusCode::BAD_REQUEST, code, msg)
}

impl Book {
    /// Writes lapsed deadlines into the events (before a change, so history stays right).
    fn settle(&mut self, now: Instant) {
        for e in &mut self.events {
            let s = effective(e, now);
            if s != e.status {
                e.status = s;
                e.handled = e.deadline;
                if s == st::COMPLETED {
                    self.unbound.insert(e.customer);
                }
            }
        }
    }

    pub fn constraints(&self, data: &Data, ix: CustomerIx, now: Instant) -> Constraints {
        let c = data.customer(ix);
        let f = self.flags.get(&ix).copied().unwrap_or_default();
        let window_start = now.checked_sub_months(Months::new(WINDOW_MONTHS)).unwrap_or(now);
        let requests = || self.events.iter().filter(move |e| e.customer == ix && et::REQUESTABLE.contains(&e.kind));
        let lapsed_unbinding = self.events.iter().any(|e| {
            e.customer == ix
                && effective(e, now) == st::COMPLETED
                && e.kind == et::CUSTOMER_UNBIND
                && e.status != st::COMPLETED
        });
        Constraints {
            customer_id: c.id.clone(),
            associated: !self.unbound.contains(&ix) && !lapsed_unbinding,
            association_type: c.association_type.into(),
            is_frozen: c.is_frozen,
            valid_reserved_instances: f.reserved_instances,
            valid_support_plans: f.support_plans,
            enterprise_role: f.enterprise_role.into(),
            enterprise_member_count: f.enterprise_members,
            recent_requests: requests().filter(|e| e.created > window_start).map(|e| WireInstant(e.created)).collect(),
            pending_event_id: requests().find(|e| effective(e, now) == st::PENDING_CUSTOMER).map(|e| e.id.clone()),
            checked_at: now,
        }
    }

    /// A partner's request: the same `client_token` answers with the event it created;
    /// otherwise every rule is checked and the first refusal answered.
    pub fn create(
        &mut self,
        data: &Data,
        partner: PartnerIx,
        ix: CustomerIx,
        req: &CreateEventRequest,
        now: Instant,
    ) -> Result<usize, ApiFailure> {
        let token = req.client_token.clone().map(|t| (partner, t));
        if let Some(&i) = token.as_ref().and_then(|t| self.tokens.get(t)) {
            let e = &self.events[i];
            if e.customer != ix || e.kind != req.event_type {
                return Err(ApiFailure::invalid(partner_api::validate::Violation::new(
                    "client_token",
                    "was already used for another request",
                )));
            }
            return Ok(i);
        }
        self.settle(now);
        let c = self.constraints(data, ix, now);
        let target = req.target_association_type.as_deref();
        if let Some(r) = rules::refusals(&c, &req.event_type, target, now).first() {
            return Err(refused(r.code(), r.message()));
        }
        self.seq += 1;
        let kind = if req.event_type == et::PARTNER_SWITCH_TYPE { et::PARTNER_SWITCH_TYPE } else { et::PARTNER_UNBIND };
        let cust = data.customer(ix);
        self.events.push(Event {
            id: format!("AE{}{:06}", now.format("%y%m%d"), self.seq),
            kind,
            initiator: rules::requested_by(kind),
            status: st::PENDING_CUSTOMER,
            customer: ix,
            association_type: cust.association_type,
            target: target.and_then(|_| rules::other_type(cust.association_type)),
            reason: Some(req.reason.trim().to_string()),
            handle_reason: None,
            created: now,
            deadline: Some(now + Duration::days(CUSTOMER_ANSWER_DAYS)),
            handled: None,
        });
        let i = self.events.len() - 1;
        if let Some(t) = token {
            self.tokens.insert(t, i);
        }
        Ok(i)
    }

    pub fn find(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }

    /// The partner's action on event `i`, if its state allows it.
    pub fn act(&mut self, i: usize, act: &str, reason: Option<&str>, now: Instant) -> Result<(), ApiFailure> {
        self.settle(now);
        let e = &mut self.events[i];
        let next = rules::after_action(e.kind, e.status, act).ok_or_else(|| {
            refused(codes::ASSOC_EVENT_STATE, format!("the event is {}; {act} is not allowed", e.status))
        })?;
        e.status = next;
        e.handled = Some(now);
        e.handle_reason = reason.map(str::trim).filter(|r| !r.is_empty()).map(String::from);
        if next == st::COMPLETED {
            self.unbound.insert(e.customer);
        }
        Ok(())
    }

    /// The customer stand-in's answer (control endpoint).
    pub fn answer(&mut self, i: usize, agree: bool, now: Instant) -> Result<(), ApiFailure> {
        self.settle(now);
        let e = &mut self.events[i];
        let next = rules::customer_answer(e.kind, e.status, agree).ok_or_else(|| {
            refused(codes::ASSOC_EVENT_STATE, format!("the event is {}; the customer cannot answer", e.status))
        })?;
        e.status = next;
        e.handled = Some(now);
        if next == st::COMPLETED && e.kind == et::PARTNER_UNBIND {
            self.unbound.insert(e.customer);
        }
        Ok(())
    }
}

/// The refusal codes the create endpoint may answer (for the docs and tests).
pub fn refusal_codes() -> Vec<&'static str> {
    [
        Refusal::NotAssociated,
        Refusal::SameOrUnknownType,
        Refusal::Pending,
        Refusal::Frozen,
        Refusal::ReservedInstances,
        Refusal::SupportPlan,
        Refusal::EnterpriseMaster,
        Refusal::EnterpriseMember,
        Refusal::TooMany { next_allowed: Instant::default() },
    ]
    .iter()
    .map(Refusal::code)
    .collect()
}
