//! The mutable money state behind V1–V6 and Q1–Q4: quotas, coupons and their operation
//! records, with the business clock and the per-quota operation locks.
//!
//! Correctness under concurrency: every balance change happens inside one critical section
//! of the [`Ledger`] mutex (no await inside), so a balance can never go negative or be
//! spent twice. On top of that each write operation holds the per-quota operation lock
//! ([`Vouchers::op_lock`]) for its whole duration: Q1 answers 400 `CBC.50000045` when the
//! quota is busy, V2/V4/Q2 wait their turn.

use crate::store::{CustomerIx, PartnerIx};
use partner_api::coupons::{coupon_status, coupon_type, operation_type, result, LimitInfo, UseLimit};
use partner_api::time::Instant;
use partner_api::Amount;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Debug, Clone)]
pub struct Quota {
    pub id: String,
    /// The partner that may issue out of it (a reseller for child quotas).
    pub owner: PartnerIx,
    pub quota_type: i32,
    pub status: i32,
    pub value: Amount,
    pub balance: Amount,
    pub create_time: Instant,
    pub last_update_time: Instant,
    pub effective_time: Instant,
    pub expire_time: Instant,
    pub limits: Vec<LimitInfo>,
    /// For quotas a distributor issued to a reseller (Q1): the distributor's quota.
    pub parent: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Coupon {
    pub id: String,
    pub code: String,
    pub quota_id: String,
    pub quota_type: i32,
    /// The partner that issued it.
    pub issuer: PartnerIx,
    pub customer: CustomerIx,
    /// Stored status; see [`Coupon::status_at`].
    pub status: i32,
    pub face_value: Amount,
    pub balance: Amount,
    pub valid_time: Instant,
    pub expire_time: Instant,
    pub create_time: Instant,
    pub active_time: Option<Instant>,
    pub last_used_time: Option<Instant>,
    pub reclaim_time: Option<Instant>,
    pub order_id: Option<String>,
    pub frozen: bool,
    pub use_limits: Vec<UseLimit>,
    pub memo: Option<String>,
}

impl Coupon {
    pub fn coupon_type(&self) -> i32 {
        coupon_type::for_quota(self.quota_type)
    }

    /// The status at `now`: a coupon past its expiry is expired, one whose validity has
    /// begun is usable.
    pub fn status_at(&self, now: Instant) -> i32 {
        match self.status {
            coupon_status::NOT_ACTIVATED | coupon_status::USABLE if self.expire_time <= now => coupon_status::EXPIRED,
            coupon_status::NOT_ACTIVATED if self.valid_time <= now => coupon_status::USABLE,
            s => s,
        }
    }

    /// When the coupon reached its final state (used, expired, reclaimed), if it did.
    pub fn ended_at(&self, now: Instant) -> Option<Instant> {
        match self.status_at(now) {
            coupon_status::USED => self.last_used_time,
            coupon_status::EXPIRED => Some(self.expire_time),
            coupon_status::RECLAIMED => self.reclaim_time,
            _ => None,
        }
    }
}

/// A V5 record.
#[derive(Debug, Clone)]
pub struct CouponRecord {
    pub id: u64,
    pub operation_type: &'static str,
    pub quota_id: String,
    pub quota_type: i32,
    pub coupon_id: Option<String>,
    /// The partner whose issuance this is.
    pub partner: PartnerIx,
    pub customer: CustomerIx,
    pub amount: Amount,
    pub time: Instant,
    pub result: &'static str,
    pub remark: Option<String>,
}

/// A Q4 record.
#[derive(Debug, Clone)]
pub struct QuotaRecord {
    pub id: u64,
    pub distributor: PartnerIx,
    pub reseller: PartnerIx,
    pub operator: String,
    pub operation_type: &'static str,
    pub quota_id: String,
    pub parent_quota_id: String,
    pub amount: Amount,
    pub time: Instant,
    pub result: &'static str,
    pub remark: Option<String>,
}

/// What a new coupon looks like (all checks already done).
#[derive(Debug, Clone)]
pub struct NewCoupon {
    pub customer: CustomerIx,
    pub issuer: PartnerIx,
    pub face_value: Amount,
    pub valid_time: Instant,
    pub expire_time: Instant,
    pub use_limits: Vec<LimitInfo>,
    pub memo: Option<String>,
    pub frozen: bool,
}

#[derive(Debug, Default)]
pub struct Ledger {
    pub quotas: Vec<Quota>,
    quota_ix: HashMap<String, usize>,
    pub coupons: Vec<Coupon>,
    coupon_ix: HashMap<String, usize>,
    pub coupon_records: Vec<CouponRecord>,
    pub quota_records: Vec<QuotaRecord>,
    seq: u64,
}

impl Ledger {
    pub fn quota(&self, id: &str) -> Option<usize> {
        self.quota_ix.get(id).copied()
    }

    pub fn coupon(&self, id: &str) -> Option<usize> {
        self.coupon_ix.get(id).copied()
    }

    fn next(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    pub fn add_quota(&mut self, q: Quota) -> usize {
        let ix = self.quotas.len();
        self.quota_ix.insert(q.id.clone(), ix);
        self.quotas.push(q);
        ix
    }

    /// A new quota id like `QT261120000123`.
    pub fn new_quota_id(&mut self, now: Instant) -> String {
        let n = self.next();
        format!("QT{}{:06}", now.format("%y%m%d"), 100_000 + n)
    }

    /// O7 paid `amount` of order `order_id` with coupon `id`: its balance goes down, and a
    /// coupon drawn to zero is used.
    pub fn use_coupon(&mut self, id: &str, amount: Amount, order_id: &str, now: Instant) {
        let Some(ix) = self.coupon(id) else { return };
        let c = &mut self.coupons[ix];
        c.balance = Amount(c.balance.0 - amount.0).max(Amount::ZERO);
        c.last_used_time = Some(now);
        c.active_time.get_or_insert(now);
        // Drawn to zero, it is used by this order; a part left stays free for other orders.
        if !c.balance.is_positive() {
            c.status = coupon_status::USED;
            c.order_id = Some(order_id.to_string());
        }
    }

    /// Issues one coupon out of quota `q` (balance already checked) and writes the V5
    /// record. Returns the coupon's index.
    pub fn issue(&mut self, q: usize, mut c: NewCoupon, now: Instant) -> usize {
        c.face_value = yuan(c.face_value);
        let n = self.next();
        let quota = &mut self.quotas[q];
        debug_assert!(quota.balance >= c.face_value);
        quota.balance = yuan(Amount(quota.balance.0 - c.face_value.0));
        quota.last_update_time = now;
        let id = format!("CP{}{:08}", now.format("%y%m%d"), n);
        let h = crate::prng::mix(n ^ 0xc0de);
        let code = format!("{:04X}-{:04X}-{:04X}", (h >> 48) & 0xffff, (h >> 32) & 0xffff, (h >> 16) & 0xffff);
        let plan = plan_id(quota.quota_type);
        let use_limits = c
            .use_limits
            .iter()
            .enumerate()
            .flat_map(|(i, l)| {
                let plan = plan.clone();
                l.limit_values.iter().map(move |v| UseLimit {
                    use_limiti_info_id: format!("UL{n:08}{i:02}"),
                    limit_key: l.limit_key.clone(),
                    value1: v.value1.clone(),
                    value2: v.value2.clone(),
                    value_unit: None,
                    limit_type: Some("1".into()),
                    promotion_plan_id: Some(plan.clone()),
                })
            })
            .collect();
        let status = if c.valid_time > now { coupon_status::NOT_ACTIVATED } else { coupon_status::USABLE };
        let coupon = Coupon {
            id: id.clone(),
            code,
            quota_id: quota.id.clone(),
            quota_type: quota.quota_type,
            issuer: c.issuer,
            customer: c.customer,
            status,
            face_value: c.face_value,
            balance: c.face_value,
            valid_time: c.valid_time,
            expire_time: c.expire_time,
            create_time: now,
            active_time: (status == coupon_status::USABLE).then_some(now),
            last_used_time: None,
            reclaim_time: None,
            order_id: None,
            frozen: c.frozen,
            use_limits,
            memo: c.memo.clone(),
        };
        let record = CouponRecord {
            id: self.next(),
            operation_type: operation_type::ISSUE,
            quota_id: coupon.quota_id.clone(),
            quota_type: coupon.quota_type,
            coupon_id: Some(id.clone()),
            partner: c.issuer,
            customer: c.customer,
            amount: c.face_value,
            time: now,
            result: result::SUCCESS,
            remark: c.memo,
        };
        self.coupon_records.push(record);
        let ix = self.coupons.len();
        self.coupon_ix.insert(id, ix);
        self.coupons.push(coupon);
        ix
    }

    /// A failed issue attempt (V5 `result` "-1").
    pub fn record_failed_issue(
        &mut self,
        q: usize,
        partner: PartnerIx,
        customer: CustomerIx,
        amount: Amount,
        now: Instant,
        remark: String,
    ) {
        let id = self.next();
        let amount = yuan(amount);
        let quota = &self.quotas[q];
        self.coupon_records.push(CouponRecord {
            id,
            operation_type: operation_type::ISSUE,
            quota_id: quota.id.clone(),
            quota_type: quota.quota_type,
            coupon_id: None,
            partner,
            customer,
            amount,
            time: now,
            result: result::FAILURE,
            remark: Some(remark),
        });
    }

    /// Ends a coupon (manual reclaim or expiry): its remaining balance goes back to its
    /// quota and a V5 record of `op` with that amount is written. Returns the amount.
    pub fn reclaim(&mut self, c: usize, op: &'static str, now: Instant, remark: Option<String>) -> Amount {
        let n = self.next();
        let coupon = &mut self.coupons[c];
        let amount = coupon.balance;
        coupon.balance = yuan(Amount::ZERO);
        if op == operation_type::EXPIRY_RECLAIM {
            coupon.status = coupon_status::EXPIRED;
        } else {
            coupon.status = coupon_status::RECLAIMED;
            coupon.reclaim_time = Some(now);
        }
        let record = CouponRecord {
            id: n,
            operation_type: op,
            quota_id: coupon.quota_id.clone(),
            quota_type: coupon.quota_type,
            coupon_id: Some(coupon.id.clone()),
            partner: coupon.issuer,
            customer: coupon.customer,
            amount,
            time: now,
            result: result::SUCCESS,
            remark,
        };
        if let Some(q) = self.quota(&record.quota_id) {
            let quota = &mut self.quotas[q];
            quota.balance = yuan(Amount(quota.balance.0 + amount.0));
            quota.last_update_time = now;
        }
        self.coupon_records.push(record);
        amount
    }

    /// Q1 for one reseller: a child quota of `amount` out of `parent` (balance already
    /// checked) and its Q4 record. Returns the child's index.
    pub fn issue_quota(
        &mut self,
        parent: usize,
        distributor: PartnerIx,
        reseller: PartnerIx,
        amount: Amount,
        operator: &str,
        now: Instant,
    ) -> usize {
        let id = self.new_quota_id(now);
        let amount = yuan(amount);
        let p = &mut self.quotas[parent];
        debug_assert!(p.balance >= amount);
        p.balance = yuan(Amount(p.balance.0 - amount.0));
        p.last_update_time = now;
        let child = Quota {
            id: id.clone(),
            owner: reseller,
            quota_type: p.quota_type,
            status: partner_api::coupons::quota_status::NORMAL,
            value: amount,
            balance: amount,
            create_time: now,
            last_update_time: now,
            effective_time: p.effective_time,
            expire_time: p.expire_time,
            limits: p.limits.clone(),
            parent: Some(p.id.clone()),
        };
        let record = QuotaRecord {
            id: self.next(),
            distributor,
            reseller,
            operator: operator.into(),
            operation_type: partner_api::quotas::operation_type::ISSUE_QUOTA,
            quota_id: id,
            parent_quota_id: child.parent.clone().unwrap_or_default(),
            amount,
            time: now,
            result: result::SUCCESS,
            remark: None,
        };
        self.quota_records.push(record);
        self.add_quota(child)
    }

    /// Q2 for one child quota: its whole remaining balance goes back to the parent, the
    /// child becomes status 6, and a Q4 record is written. Returns the amount.
    pub fn reclaim_quota(
        &mut self,
        child: usize,
        distributor: PartnerIx,
        operator: &str,
        now: Instant,
        remark: Option<String>,
    ) -> Amount {
        let n = self.next();
        let c = &mut self.quotas[child];
        let amount = c.balance;
        c.balance = yuan(Amount::ZERO);
        c.status = partner_api::coupons::quota_status::RECLAIMED;
        c.last_update_time = now;
        let (reseller, id, parent_id) = (c.owner, c.id.clone(), c.parent.clone().unwrap_or_default());
        if let Some(p) = self.quota(&parent_id) {
            let p = &mut self.quotas[p];
            p.balance = yuan(Amount(p.balance.0 + amount.0));
            p.last_update_time = now;
        }
        self.quota_records.push(QuotaRecord {
            id: n,
            distributor,
            reseller,
            operator: operator.into(),
            operation_type: partner_api::quotas::operation_type::RECLAIM_QUOTA,
            quota_id: id,
            parent_quota_id: parent_id,
            amount,
            time: now,
            result: result::SUCCESS,
            remark,
        });
        amount
    }
}

/// The amount with exactly two decimals, as the contract writes money (`0.00`, `100.00`).
pub fn yuan(a: Amount) -> Amount {
    let mut d = a.0.round_dp(2);
    d.rescale(2);
    Amount(d)
}

/// The promotion plan partner coupons belong to.
pub fn plan_id(quota_type: i32) -> String {
    if quota_type == partner_api::coupons::quota_type::CASH { "PP-PARTNER-CASH" } else { "PP-PARTNER-VOUCHER" }
        .to_string()
}

pub fn plan_name(quota_type: i32) -> &'static str {
    if quota_type == partner_api::coupons::quota_type::CASH {
        "伙伴现金券 Partner cash coupon"
    } else {
        "伙伴代金券 Partner voucher"
    }
}

/// Business time: starts at the seed's reference "now" when the sandbox starts and runs
/// at wall-clock speed (plus what `/__sandbox/voucher-clock` added), so seeded validity
/// windows behave the same whatever the real date.
pub struct Clock {
    epoch: Instant,
    started: std::time::Instant,
    offset_secs: AtomicI64,
}

impl Clock {
    pub fn new(epoch: Instant) -> Self {
        Clock { epoch, started: std::time::Instant::now(), offset_secs: AtomicI64::new(0) }
    }

    pub fn now(&self) -> Instant {
        let secs = self.started.elapsed().as_secs() as i64 + self.offset_secs.load(Ordering::Relaxed);
        self.epoch + chrono::Duration::seconds(secs)
    }

    pub fn advance(&self, secs: i64) {
        self.offset_secs.fetch_add(secs, Ordering::Relaxed);
    }
}

/// Everything vouchers-related the server changes at run time.
pub struct Vouchers {
    ledger: Mutex<Ledger>,
    op_locks: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    pub whitelists: Mutex<crate::whitelist::Whitelists>,
    pub clock: Clock,
}

impl Vouchers {
    pub fn new(ledger: Ledger, whitelists: crate::whitelist::Whitelists, epoch: Instant) -> Self {
        Vouchers {
            ledger: Mutex::new(ledger),
            op_locks: Mutex::new(HashMap::new()),
            whitelists: Mutex::new(whitelists),
            clock: Clock::new(epoch),
        }
    }

    /// Seeds quotas, coupons, records and whitelists for `data` (deterministic per seed).
    pub fn seeded(data: &crate::store::Data, seed: u64) -> Self {
        crate::seed_coupons::generate(data, seed)
    }

    pub fn ledger(&self) -> MutexGuard<'_, Ledger> {
        self.ledger.lock().expect("ledger lock")
    }

    pub fn now(&self) -> Instant {
        self.clock.now()
    }

    /// The operation lock of one quota (held for a whole V2/V4/Q1/Q2 operation).
    pub fn op_lock(&self, quota_id: &str) -> Arc<tokio::sync::Mutex<()>> {
        self.op_locks.lock().expect("op locks").entry(quota_id.to_string()).or_default().clone()
    }

    /// Takes the operation locks of several quotas, waiting, in id order (no deadlock).
    pub async fn lock_all(&self, quota_ids: &[String]) -> Vec<tokio::sync::OwnedMutexGuard<()>> {
        let mut ids: Vec<&String> = quota_ids.iter().collect();
        ids.sort();
        ids.dedup();
        let mut guards = Vec::with_capacity(ids.len());
        for id in ids {
            guards.push(self.op_lock(id).lock_owned().await);
        }
        guards
    }
}

// ---- control endpoint: the business clock ----

#[derive(Debug, serde::Deserialize)]
pub struct AdvanceClock {
    pub seconds: i64,
}

/// `GET /__sandbox/voucher-clock` → `{"now": "..."}`.
pub async fn get_clock(
    axum::extract::State(state): axum::extract::State<crate::store::AppState>,
) -> axum::Json<serde_json::Value> {
    axum::Json(serde_json::json!({"now": partner_api::time::to_wire(&state.vouchers.now())}))
}

/// `POST /__sandbox/voucher-clock {"seconds": N}`: moves the business clock forward.
pub async fn advance_clock(
    axum::extract::State(state): axum::extract::State<crate::store::AppState>,
    crate::body::JsonBody(b): crate::body::JsonBody<AdvanceClock>,
) -> Result<axum::Json<serde_json::Value>, crate::errors::ApiFailure> {
    if !(0..=10 * 365 * 86_400).contains(&b.seconds) {
        return Err(partner_api::validate::Violation::new("seconds", "must be between 0 and 315360000").into());
    }
    state.vouchers.clock.advance(b.seconds);
    Ok(axum::Json(serde_json::json!({"now": partner_api::time::to_wire(&state.vouchers.now())})))
}
