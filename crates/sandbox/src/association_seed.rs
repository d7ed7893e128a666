//! Seed of S13 association events (docs/contracts/association-events.md): per-customer
//! constraints (reserved instances, support plans, enterprise accounts), events in every state
//! for the seeded partners' customers, and one designated customer per refusal condition among
//! the distributor's account manager `li.na`'s customers (listed by `/__sandbox/association-cases`).
//! Deterministic per seed; every created time lies before the reference now.

use crate::prng::Prng;
use crate::seed::reference_now;
use crate::store::{CustomerIx, Data};
use chrono::Duration;
use partner_api::association::rules::{CUSTOMER_ANSWER_DAYS, PARTNER_ANSWER_DAYS};
use partner_api::association::{enterprise_role, event_type as et, initiator, status as st};
use partner_api::time::Instant;
use serde::Serialize;
use std::collections::HashMap;

/// What besides C1 may refuse an unbinding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    pub reserved_instances: u32,
    pub support_plans: u32,
    pub enterprise_role: &'static str,
    pub enterprise_members: u32,
}

impl Default for Flags {
    fn default() -> Self {
        Flags { reserved_instances: 0, support_plans: 0, enterprise_role: enterprise_role::NONE, enterprise_members: 0 }
    }
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub kind: &'static str,
    pub initiator: &'static str,
    /// As stored; a lapsed deadline is applied when read.
    pub status: &'static str,
    pub customer: CustomerIx,
    pub association_type: &'static str,
    pub target: Option<&'static str>,
    pub reason: Option<String>,
    pub handle_reason: Option<String>,
    pub created: Instant,
    pub deadline: Option<Instant>,
    pub handled: Option<Instant>,
}

/// The designated customers and events, for tests and demos.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cases {
    pub partner: String,
    pub account_manager: String,
    pub frozen: Option<String>,
    pub reserved_instances: Option<String>,
    pub support_plan: Option<String>,
    pub enterprise_master: Option<String>,
    pub enterprise_member: Option<String>,
    /// Three requests in the last three months already.
    pub limit_reached: Option<String>,
    /// Two requests in the last three months: one more is accepted.
    pub two_recent: Option<String>,
    /// A request waiting for the customer.
    pub pending_request: Option<String>,
    /// No condition at all.
    pub eligible: Vec<String>,
    /// Event ids of customer-initiated unbindings waiting for the partner.
    pub customer_unbind_events: Vec<String>,
    /// Event id of a 代客授权 waiting for the partner.
    pub act_for_event: Option<String>,
}

pub struct Seeded {
    pub flags: HashMap<CustomerIx, Flags>,
    pub events: Vec<Event>,
    pub cases: Cases,
    pub next_seq: u64,
}

const REASONS_PARTNER: &[&str] =
    &["客户业务调整，双方协商解除关联", "Customer moves to direct billing", "合作模式变更为代售", "Contract ended"];
const REASONS_CUSTOMER: &[&str] = &["公司统一采购，改为直客", "We changed our cloud partner", "业务迁出华为云"];

struct Builder {
    events: Vec<Event>,
    seq: u64,
}

impl Builder {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        data: &Data,
        customer: CustomerIx,
        kind: &'static str,
        status: &'static str,
        created: Instant,
        reason: Option<String>,
    ) -> String {
        self.seq += 1;
        let c = data.customer(customer);
        let id = format!("AE{}{:06}", created.format("%y%m%d"), self.seq);
        let initiator = match kind {
            et::CUSTOMER_UNBIND => initiator::CUSTOMER,
            et::ACT_FOR_CUSTOMER if status == st::PENDING_PARTNER => initiator::CUSTOMER,
            _ => initiator::PARTNER,
        };
        let days = if kind == et::CUSTOMER_UNBIND { PARTNER_ANSWER_DAYS } else { CUSTOMER_ANSWER_DAYS };
        let deadline = created + Duration::days(days);
        let handled = match status {
            st::PENDING_CUSTOMER | st::PENDING_PARTNER => None,
            st::EXPIRED => Some(deadline),
            _ => Some(created + Duration::hours(30)),
        };
        let target = (kind == et::PARTNER_SWITCH_TYPE)
            .then(|| partner_api::association::rules::other_type(c.association_type))
            .flatten();
        let handle_reason =
            (status == st::OBJECTED).then(|| "客户仍有未结清的合同款项 / Open contract payments".to_string());
        self.events.push(Event {
            id: id.clone(),
            kind,
            initiator,
            status,
            customer,
            association_type: c.association_type,
            target,
            reason,
            handle_reason,
            created,
            deadline: Some(deadline),
            handled,
        });
        id
    }
}

/// A random event in a state its age allows (pending only while before its deadline).
fn random_event(rng: &mut Prng, b: &mut Builder, data: &Data, ix: CustomerIx, now: Instant) {
    let age_hours = rng.between(2, 120 * 24);
    let created = now - Duration::hours(age_hours);
    let kind = *rng.pick(et::ALL);
    let young = |days: i64| age_hours < days * 24;
    let status = match kind {
        et::CUSTOMER_UNBIND => {
            let pool: &[&'static str] = if young(PARTNER_ANSWER_DAYS) {
                &[st::PENDING_PARTNER, st::OBJECTED, st::COMPLETED]
            } else {
                &[st::OBJECTED, st::COMPLETED]
            };
            *rng.pick(pool)
        }
        et::ACT_FOR_CUSTOMER => {
            let pool: &[&'static str] = if young(CUSTOMER_ANSWER_DAYS) {
                &[st::PENDING_PARTNER, st::PENDING_CUSTOMER, st::AUTHORIZED, st::CANCELLED]
            } else {
                &[st::AUTHORIZED, st::CANCELLED, st::EXPIRED]
            };
            *rng.pick(pool)
        }
        _ => {
            let pool: &[&'static str] = if young(CUSTOMER_ANSWER_DAYS) {
                &[st::PENDING_CUSTOMER, st::REJECTED, st::CANCELLED]
            } else {
                &[st::COMPLETED, st::REJECTED, st::CANCELLED, st::EXPIRED]
            };
            *rng.pick(pool)
        }
    };
    let reasons = if kind == et::CUSTOMER_UNBIND { REASONS_CUSTOMER } else { REASONS_PARTNER };
    let reason = (kind != et::ACT_FOR_CUSTOMER).then(|| rng.pick(reasons).to_string());
    b.push(data, ix, kind, status, created, reason);
}

pub fn generate(data: &Data, seed: u64) -> Seeded {
    let now = reference_now();
    let mut rng = Prng::derive(seed, 13);
    let mut flags: HashMap<CustomerIx, Flags> = HashMap::new();
    let mut b = Builder { events: Vec::new(), seq: 0 };
    let mut cases = Cases { partner: "hz_distributor".into(), account_manager: "li.na".into(), ..Default::default() };

    // Designated customers first: li.na's resale customers that are not frozen, in C1 order.
    let mut designated: Vec<CustomerIx> = Vec::new();
    if let Some(dist) = data.partner_by_account("hz_distributor") {
        if let Some(am) = data.user_in(dist, "li.na") {
            let pool: Vec<CustomerIx> = data.users[am]
                .customers
                .iter()
                .copied()
                .filter(|&ix| data.customer(ix).is_frozen == 0 && data.customer(ix).association_type == "2")
                .collect();
            let frozen = data.users[am]
                .customers
                .iter()
                .chain(&data.partners[dist].customers)
                .copied()
                .find(|&ix| data.customer(ix).is_frozen != 0);
            cases.frozen = frozen.map(|ix| data.customer(ix).id.clone());
            let mut take = pool.into_iter();
            let id = |ix: CustomerIx| data.customer(ix).id.clone();
            let mut next = |designated: &mut Vec<CustomerIx>| {
                let ix = take.next();
                designated.extend(ix);
                ix
            };
            if let Some(ix) = next(&mut designated) {
                flags.insert(ix, Flags { reserved_instances: 2, ..Flags::default() });
                cases.reserved_instances = Some(id(ix));
            }
            if let Some(ix) = next(&mut designated) {
                flags.insert(ix, Flags { support_plans: 1, ..Flags::default() });
                cases.support_plan = Some(id(ix));
            }
            if let Some(ix) = next(&mut designated) {
                let f = Flags { enterprise_role: enterprise_role::MASTER, enterprise_members: 3, ..Flags::default() };
                flags.insert(ix, f);
                cases.enterprise_master = Some(id(ix));
            }
            if let Some(ix) = next(&mut designated) {
                flags.insert(ix, Flags { enterprise_role: enterprise_role::MEMBER, ..Flags::default() });
                cases.enterprise_member = Some(id(ix));
            }
            if let Some(ix) = next(&mut designated) {
                let r = || Some(REASONS_PARTNER[0].to_string());
                b.push(data, ix, et::PARTNER_UNBIND, st::CANCELLED, now - Duration::days(10), r());
                b.push(data, ix, et::PARTNER_SWITCH_TYPE, st::REJECTED, now - Duration::days(30), r());
                b.push(data, ix, et::PARTNER_UNBIND, st::EXPIRED, now - Duration::days(60), r());
                cases.limit_reached = Some(id(ix));
            }
            if let Some(ix) = next(&mut designated) {
                let r = || Some(REASONS_PARTNER[1].to_string());
                b.push(data, ix, et::PARTNER_UNBIND, st::CANCELLED, now - Duration::days(20), r());
                b.push(data, ix, et::PARTNER_UNBIND, st::REJECTED, now - Duration::days(50), r());
                cases.two_recent = Some(id(ix));
            }
            if let Some(ix) = next(&mut designated) {
                let r = Some(REASONS_PARTNER[2].to_string());
                b.push(data, ix, et::PARTNER_UNBIND, st::PENDING_CUSTOMER, now - Duration::days(3), r);
                cases.pending_request = Some(id(ix));
            }
            for days in [2, 5] {
                if let Some(ix) = next(&mut designated) {
                    let r = Some(REASONS_CUSTOMER[days as usize % REASONS_CUSTOMER.len()].to_string());
                    let e = b.push(data, ix, et::CUSTOMER_UNBIND, st::PENDING_PARTNER, now - Duration::days(days), r);
                    cases.customer_unbind_events.push(e);
                }
            }
            if let Some(ix) = next(&mut designated) {
                let e = b.push(data, ix, et::ACT_FOR_CUSTOMER, st::PENDING_PARTNER, now - Duration::days(1), None);
                cases.act_for_event = Some(e);
            }
            for _ in 0..3 {
                if let Some(ix) = next(&mut designated) {
                    cases.eligible.push(id(ix));
                }
            }
        }
    }

    // Everyone else: a few conditions and an event now and then, every partner.
    for ix in 0..data.customers.len() as CustomerIx {
        let (r, s, e, ev) = (rng.chance(0.04), rng.chance(0.03), rng.below(100), rng.chance(0.15));
        if designated.contains(&ix) {
            continue;
        }
        let f = Flags {
            reserved_instances: if r { 1 } else { 0 },
            support_plans: if s { 1 } else { 0 },
            enterprise_role: match e {
                0..=2 => enterprise_role::MASTER,
                3..=4 => enterprise_role::MEMBER,
                _ => enterprise_role::NONE,
            },
            enterprise_members: if e <= 1 { 2 } else { 0 },
        };
        if f != Flags::default() {
            flags.insert(ix, f);
        }
        if ev {
            random_event(&mut rng, &mut b, data, ix, now);
        }
    }
    Seeded { flags, events: b.events, cases, next_seq: b.seq }
}
