//! Deterministic voucher data: the distributor's quotas (fixed ids, seed-independent), the
//! reseller quotas it issued through Q1 (and one it reclaimed through Q2), coupons issued to
//! whitelisted resale customers in every status with their V5 records, and the whitelists.
//! Everything goes through the same [`Ledger`] operations as the live endpoints, so balances
//! and records always add up: `balance = value − issued + reclaimed` for every quota.

use crate::prng::{mix, Prng};
use crate::seed::reference_now;
use crate::store::{CustomerIx, Data, PartnerIx};
use crate::vouchers::{Ledger, NewCoupon, Quota, Vouchers};
use crate::whitelist::Whitelists;
use chrono::{Duration, TimeZone, Utc};
use partner_api::coupons::{coupon_status, limit_key, operation_type, quota_status, quota_type, LimitInfo, LimitValue};
use partner_api::profile::{partner_type, role};
use partner_api::time::Instant;
use partner_api::whitelist::source;
use partner_api::Amount;
use std::collections::HashMap;

/// Cloud service types the sandbox knows (V2 answers CBC.50000055 for others).
pub const SERVICE_TYPES: &[&str] = &[
    "hws.service.type.ec2",
    "hws.service.type.evs",
    "hws.service.type.obs",
    "hws.service.type.rds",
    "hws.service.type.vpc",
    "hws.service.type.elb",
    "hws.service.type.cce",
    "hws.service.type.dcs",
    "hws.service.type.cdn",
    "hws.service.type.ebackup",
];

/// Product ids the sandbox knows (V2 answers CBC.50000054 for others).
pub const PRODUCT_IDS: &[&str] = &[
    "00301-225004-0--0",
    "00301-225005-0--0",
    "00301-226002-0--0",
    "00301-238005-0--0",
    "00301-240013-0--0",
    "00301-241001-0--0",
    "00301-252005-0--0",
    "00301-261003-0--0",
];

pub const WHITELIST_V1_TIME: (i32, u32, u32, u32, u32) = (2026, 9, 1, 2, 0);
pub const WHITELIST_V2_TIME: (i32, u32, u32, u32, u32) = (2026, 10, 15, 6, 30);

fn t(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Instant {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).single().expect("valid seed time")
}

fn tt(x: (i32, u32, u32, u32, u32)) -> Instant {
    t(x.0, x.1, x.2, x.3, x.4)
}

fn list_limit(key: &str, values: &[&str]) -> LimitInfo {
    LimitInfo { limit_key: key.into(), limit_values: vec![LimitValue { value1: Some(values.join(",")), value2: None }] }
}

fn face_limits(min: &str, max: &str) -> Vec<LimitInfo> {
    vec![list_limit(limit_key::MIN_FACE_VALUE, &[min]), list_limit(limit_key::MAX_FACE_VALUE, &[max])]
}

struct QuotaDef {
    id: &'static str,
    quota_type: i32,
    status: i32,
    value: i64,
    effective: Instant,
    expire: Instant,
    limits: Vec<LimitInfo>,
}

/// The distributor's quotas (ids are the same for every seed; docs/sandbox.md lists them).
fn distributor_quotas() -> Vec<QuotaDef> {
    let st = SERVICE_TYPES;
    let mut d1 = vec![list_limit(limit_key::CLOUD_SERVICE_TYPE, &st[..8])];
    d1.extend(face_limits("10.00", "50000.00"));
    let mut d2 = vec![
        list_limit(limit_key::CLOUD_SERVICE_TYPE, &[st[0], st[2]]),
        list_limit(limit_key::PRODUCT_ID, &PRODUCT_IDS[..3]),
    ];
    d2.extend(face_limits("50.00", "5000.00"));
    vec![
        QuotaDef {
            id: "QT260105000001",
            quota_type: quota_type::VOUCHER,
            status: quota_status::NORMAL,
            value: 500_000,
            effective: t(2026, 1, 5, 0, 0),
            expire: t(2027, 12, 31, 15, 59),
            limits: d1,
        },
        QuotaDef {
            id: "QT260601000002",
            quota_type: quota_type::VOUCHER,
            status: quota_status::NORMAL,
            value: 100_000,
            effective: t(2026, 6, 1, 0, 0),
            expire: t(2027, 6, 30, 15, 59),
            limits: d2,
        },
        QuotaDef {
            id: "QT260301000003",
            quota_type: quota_type::CASH,
            status: quota_status::NORMAL,
            value: 200_000,
            effective: t(2026, 3, 1, 0, 0),
            expire: t(2027, 12, 31, 15, 59),
            limits: face_limits("1.00", "20000.00"),
        },
        QuotaDef {
            id: "QT261110000004",
            quota_type: quota_type::VOUCHER,
            status: quota_status::NORMAL,
            value: 80_000,
            effective: t(2026, 12, 1, 0, 0),
            expire: t(2027, 11, 30, 15, 59),
            limits: face_limits("10.00", "10000.00"),
        },
        QuotaDef {
            id: "QT250701000005",
            quota_type: quota_type::VOUCHER,
            status: quota_status::INVALID,
            value: 50_000,
            effective: t(2025, 7, 1, 0, 0),
            expire: t(2026, 6, 30, 15, 59),
            limits: face_limits("10.00", "5000.00"),
        },
        QuotaDef {
            id: "QT260901000006",
            quota_type: quota_type::VOUCHER,
            status: quota_status::ADJUSTING,
            value: 30_000,
            effective: t(2026, 9, 1, 0, 0),
            expire: t(2027, 8, 31, 15, 59),
            limits: face_limits("10.00", "5000.00"),
        },
        QuotaDef {
            id: "QT260415000007",
            quota_type: quota_type::CASH,
            status: quota_status::FROZEN,
            value: 60_000,
            effective: t(2026, 4, 15, 0, 0),
            expire: t(2027, 4, 14, 15, 59),
            limits: face_limits("1.00", "10000.00"),
        },
        QuotaDef {
            id: "QT230601000008",
            quota_type: quota_type::VOUCHER,
            status: quota_status::INVALID,
            value: 20_000,
            effective: t(2023, 6, 1, 0, 0),
            expire: t(2024, 6, 30, 15, 59),
            limits: face_limits("10.00", "5000.00"),
        },
    ]
}

pub const D1: &str = "QT260105000001";
pub const D2: &str = "QT260601000002";
pub const D3: &str = "QT260301000003";
pub const D4_NOT_YET_EFFECTIVE: &str = "QT261110000004";
pub const D5_EXPIRED: &str = "QT250701000005";
pub const D6_ADJUSTING: &str = "QT260901000006";
pub const D7_FROZEN: &str = "QT260415000007";
pub const D8_OLD: &str = "QT230601000008";

const FACES: &[i64] = &[50, 88, 100, 200, 300, 500, 800, 1000, 1500, 2000, 5000];
const MEMOS: &[&str] = &["双11促销", "新客户欢迎礼", "Q4 campaign", "迁移补贴", "Renewal thank-you"];

/// Hash of a customer for membership decisions (independent of any PRNG stream).
fn h(seed: u64, salt: u64, c: CustomerIx) -> u64 {
    mix(seed ^ mix(salt.wrapping_mul(0x9e37_79b9) ^ c as u64)) % 100
}

fn first_with_role(data: &Data, p: PartnerIx, r: &str) -> usize {
    data.partners[p].users.iter().copied().find(|&u| data.users[u].role == r).unwrap_or(data.partners[p].users[0])
}

fn coupon_partners(data: &Data) -> Vec<PartnerIx> {
    (0..data.partners.len()).filter(|&p| data.partners[p].partner_type != partner_type::SERVICE_PARTNER).collect()
}

/// v1 INITIAL (~45 % of the resale customers), v2 IMPORT (−10 % of them, +15 % of the rest).
fn whitelists(data: &Data, seed: u64) -> Whitelists {
    let mut wl = Whitelists::new(data);
    let (t1, t2) = (tt(WHITELIST_V1_TIME), tt(WHITELIST_V2_TIME));
    for p in coupon_partners(data) {
        let resale: Vec<CustomerIx> =
            data.partners[p].customers.iter().copied().filter(|&c| data.customer(c).association_type == "2").collect();
        let remark = |c: CustomerIx| match h(seed, 7, c) {
            0..=7 => Some("重点客户".to_string()),
            8..=11 => Some("Q4 campaign".to_string()),
            _ => None,
        };
        let v1: HashMap<CustomerIx, Option<String>> = resale
            .iter()
            .copied()
            .filter(|&c| data.customer(c).associated_on < t1 && h(seed, 1, c) < 45)
            .map(|c| (c, remark(c)))
            .collect();
        let admin = first_with_role(data, p, role::ADMIN);
        wl.add_version(p, source::INITIAL, None, None, admin, t1, Some("首次导入 initial list".into()), v1.clone());
        let mut v2: HashMap<CustomerIx, Option<String>> =
            v1.iter().filter(|(c, _)| h(seed, 2, **c) >= 10).map(|(c, r)| (*c, r.clone())).collect();
        for &c in &resale {
            if !v1.contains_key(&c) && data.customer(c).associated_on < t2 && h(seed, 3, c) < 15 {
                v2.insert(c, remark(c));
            }
        }
        let sup = first_with_role(data, p, role::SUPERVISOR);
        wl.add_version(p, source::IMPORT, Some("客户白名单-2026Q4.xlsx".into()), None, sup, t2, None, v2);
    }
    wl
}

fn add_quotas(ledger: &mut Ledger, owner: PartnerIx) {
    for d in distributor_quotas() {
        let value = Amount::from_cents(d.value * 100);
        // Created before it takes effect, and (like every seeded time) before the reference
        // now, even when it takes effect later.
        let created = (d.effective - Duration::days(3)).min(reference_now() - Duration::days(10));
        ledger.add_quota(Quota {
            id: d.id.into(),
            owner,
            quota_type: d.quota_type,
            status: d.status,
            value,
            balance: value,
            create_time: created,
            last_update_time: created,
            effective_time: d.effective,
            expire_time: d.expire,
            limits: d.limits,
            parent: None,
        });
    }
}

/// Q1/Q2 history: returns each reseller's usable child quotas.
fn reseller_quotas(ledger: &mut Ledger, data: &Data, dist: PartnerIx) -> HashMap<PartnerIx, Vec<usize>> {
    let mut out: HashMap<PartnerIx, Vec<usize>> = HashMap::new();
    let q = |l: &Ledger, id: &str| l.quota(id).expect("seeded quota");
    let resellers = data.partners[dist].resellers.clone();
    for (i, &r) in resellers.iter().enumerate() {
        let d1 = q(ledger, D1);
        let v = ledger.issue_quota(d1, dist, r, Amount::from_cents(5_000_000), "admin", t(2026, 2, 15, 3, i as u32));
        let d3 = q(ledger, D3);
        let c = ledger.issue_quota(d3, dist, r, Amount::from_cents(2_000_000), "admin", t(2026, 4, 1, 3, i as u32));
        out.entry(r).or_default().extend([v, c]);
        match i {
            0 => {
                // Issued, then reclaimed through Q2 (status 6).
                let d2 = q(ledger, D2);
                let x = ledger.issue_quota(d2, dist, r, Amount::from_cents(1_000_000), "admin", t(2026, 6, 10, 2, 0));
                ledger.reclaim_quota(x, dist, "admin", t(2026, 9, 30, 8, 0), Some("季度末回收 quarter-end".into()));
            }
            1 => {
                // Issued out of the quota that has expired since: invalid like its parent.
                let d5 = q(ledger, D5_EXPIRED);
                let x = ledger.issue_quota(d5, dist, r, Amount::from_cents(800_000), "admin", t(2025, 8, 1, 2, 0));
                ledger.quotas[x].status = quota_status::INVALID;
            }
            _ => {
                let x = ledger.issue_quota(d1, dist, r, Amount::from_cents(1_500_000), "admin", t(2026, 10, 20, 2, 0));
                ledger.quotas[x].status = quota_status::FROZEN;
            }
        }
    }
    out
}

/// Issues one seeded coupon at time `at` and plays its life until the reference time.
#[allow(clippy::too_many_arguments)]
fn seeded_coupon(
    ledger: &mut Ledger,
    rng: &mut Prng,
    data: &Data,
    q: usize,
    issuer: PartnerIx,
    c: CustomerIx,
    at: Instant,
    roll: u64,
    order_seq: &mut u64,
) {
    let now = reference_now();
    let quota = &ledger.quotas[q];
    let (min, max) = face_bounds(&quota.limits);
    let faces: Vec<Amount> =
        FACES.iter().map(|f| Amount::from_cents(f * 100)).filter(|f| *f >= min && *f <= max).collect();
    if faces.is_empty() {
        return;
    }
    let face = *rng.pick(&faces);
    if quota.balance < face {
        return;
    }
    let mut valid = quota.effective_time.max(at - Duration::days(rng.between(0, 3)));
    let mut expire = quota.expire_time;
    let short = roll < 25 && at + Duration::days(60) < now - Duration::days(1);
    if short || quota.expire_time < now {
        expire = expire.min(at + Duration::days(60));
    }
    let future = t(2026, 12, 1, 0, 0);
    if roll < 10 && quota.expire_time > future {
        valid = future;
    }
    let limits = quota
        .limits
        .iter()
        .filter(|l| l.limit_key == limit_key::CLOUD_SERVICE_TYPE || l.limit_key == limit_key::PRODUCT_ID)
        .cloned()
        .collect();
    let memo = if rng.chance(0.3) { Some(rng.pick(MEMOS).to_string()) } else { None };
    let coupon = NewCoupon {
        customer: c,
        issuer,
        face_value: face,
        valid_time: valid,
        expire_time: expire,
        use_limits: limits,
        memo,
        frozen: data.customer(c).is_frozen != 0,
    };
    let ix = ledger.issue(q, coupon, at);
    let life_end = expire.min(now - Duration::hours(1));
    let when = |rng: &mut Prng| {
        let span = (life_end - at).num_seconds().max(2);
        at + Duration::seconds(rng.between(1, span - 1))
    };
    let mut use_part = |ledger: &mut Ledger, rng: &mut Prng, all: bool, when: Instant| {
        *order_seq += 1;
        let cp = &mut ledger.coupons[ix];
        let left = if all {
            crate::vouchers::yuan(Amount::ZERO)
        } else {
            crate::vouchers::yuan(Amount(cp.face_value.0 * rust_decimal::Decimal::new(rng.between(10, 90), 2)))
        };
        cp.balance = left;
        cp.last_used_time = Some(when);
        cp.order_id = Some(format!("CS{}{:05}", when.format("%y%m%d%H%M"), *order_seq % 100_000));
        if all {
            cp.status = coupon_status::USED;
        }
    };
    if ledger.coupons[ix].status == coupon_status::NOT_ACTIVATED {
        return;
    }
    if expire < now {
        if rng.chance(0.5) {
            let w = when(rng);
            use_part(ledger, rng, false, w);
        }
        ledger.reclaim(ix, operation_type::EXPIRY_RECLAIM, expire, Some("到期回收 expired".into()));
        return;
    }
    match roll {
        25..=39 => {
            let w = when(rng);
            use_part(ledger, rng, true, w);
        }
        40..=54 => {
            if rng.chance(0.5) {
                let w = when(rng);
                use_part(ledger, rng, false, w);
            }
            let w = when(rng);
            let w = w.max(ledger.coupons[ix].last_used_time.unwrap_or(w));
            ledger.reclaim(ix, operation_type::MANUAL_RECLAIM, w, Some("伙伴回收 reclaimed by partner".into()));
        }
        55..=74 => {
            let w = when(rng);
            use_part(ledger, rng, false, w);
        }
        _ => {}
    }
}

/// The `minFaceValue`/`maxFaceValue` of a quota (0 and unbounded when absent).
pub fn face_bounds(limits: &[LimitInfo]) -> (Amount, Amount) {
    let get =
        |k: &str| partner_api::coupons::find_limit(limits, k).and_then(|l| l.first_value()).and_then(Amount::parse);
    (
        get(limit_key::MIN_FACE_VALUE).unwrap_or(Amount::ZERO),
        get(limit_key::MAX_FACE_VALUE).unwrap_or(Amount(rust_decimal::Decimal::MAX)),
    )
}

pub fn generate(data: &Data, seed: u64) -> Vouchers {
    let now = reference_now();
    let wl = whitelists(data, seed);
    let mut ledger = Ledger::default();
    let Some(dist) = data.partners.iter().position(|p| p.partner_type == partner_type::DISTRIBUTOR) else {
        return Vouchers::new(ledger, wl, now);
    };
    add_quotas(&mut ledger, dist);
    let child = reseller_quotas(&mut ledger, data, dist);

    let mut rng = Prng::derive(seed, 0x7c0);
    let mut order_seq = 0u64;
    let q = |l: &Ledger, id: &str| l.quota(id).expect("seeded quota");
    for p in coupon_partners(data) {
        let (cap, pool): (usize, Vec<(usize, u32)>) = if p == dist {
            (60, vec![(q(&ledger, D1), 5), (q(&ledger, D2), 2), (q(&ledger, D3), 3), (q(&ledger, D5_EXPIRED), 1)])
        } else {
            let c = child.get(&p).cloned().unwrap_or_default();
            (15, c.iter().enumerate().map(|(i, &x)| (x, if i == 0 { 3 } else { 2 })).collect())
        };
        if pool.is_empty() {
            continue;
        }
        let current = wl.current(p).map(|v| v.members.clone()).unwrap_or_default();
        let mut issued = 0;
        for &c in &data.partners[p].customers {
            if issued >= cap {
                break;
            }
            if !current.contains_key(&c) || !rng.chance(0.35) {
                continue;
            }
            let quota = rng.weighted(&pool);
            let (eff, exp) = (ledger.quotas[quota].effective_time, ledger.quotas[quota].expire_time);
            let lo = eff.max(data.customer(c).associated_on) + Duration::hours(1);
            let hi = exp.min(now - Duration::days(1));
            if lo >= hi {
                continue;
            }
            let at = lo + Duration::seconds(rng.between(0, (hi - lo).num_seconds() - 1));
            let roll = rng.below(100);
            seeded_coupon(&mut ledger, &mut rng, data, quota, p, c, at, roll, &mut order_seq);
            issued += 1;
        }
    }

    // Coupons that expired more than two years ago (V3 no longer lists them).
    let d8 = q(&ledger, D8_OLD);
    let old: Vec<CustomerIx> = data.partners[dist]
        .customers
        .iter()
        .copied()
        .filter(|&c| {
            let cu = data.customer(c);
            cu.association_type == "2" && cu.associated_on < t(2023, 6, 1, 0, 0)
        })
        .take(2)
        .collect();
    for c in old {
        let coupon = NewCoupon {
            customer: c,
            issuer: dist,
            face_value: Amount::from_cents(20_000),
            valid_time: t(2023, 7, 1, 0, 0),
            expire_time: t(2024, 6, 30, 15, 59),
            use_limits: Vec::new(),
            memo: None,
            frozen: false,
        };
        let ix = ledger.issue(d8, coupon, t(2023, 7, 1, 2, 0));
        ledger.reclaim(ix, operation_type::EXPIRY_RECLAIM, t(2024, 6, 30, 15, 59), Some("到期回收 expired".into()));
    }

    // Referral customers' coupons issued in the console (V4 refuses them: CBC.99000045).
    let d1 = q(&ledger, D1);
    let referral: Vec<CustomerIx> = data.partners[dist]
        .customers
        .iter()
        .copied()
        .filter(|&c| data.customer(c).association_type == "1")
        .take(3)
        .collect();
    for (i, c) in referral.into_iter().enumerate() {
        let at = t(2026, 3, 10 + i as u32, 2, 0);
        let coupon = NewCoupon {
            customer: c,
            issuer: dist,
            face_value: Amount::from_cents(30_000),
            valid_time: at,
            expire_time: t(2027, 3, 9, 15, 59),
            use_limits: Vec::new(),
            memo: Some("控制台发放 issued in the console".into()),
            frozen: false,
        };
        ledger.issue(d1, coupon, at);
    }

    // A few failed attempts (V5 result "-1"): resale customers not on the whitelist.
    let current = wl.current(dist).map(|v| v.members.clone()).unwrap_or_default();
    let outside: Vec<CustomerIx> = data.partners[dist]
        .customers
        .iter()
        .copied()
        .filter(|&c| data.customer(c).association_type == "2" && !current.contains_key(&c))
        .take(3)
        .collect();
    for (i, c) in outside.into_iter().enumerate() {
        let msg = format!("{} the customer is not on the whitelist", partner_api::coupons::codes::NOT_WHITELISTED);
        ledger.record_failed_issue(d1, dist, c, Amount::from_cents(50_000), t(2026, 11, 1, 3, i as u32), msg);
    }
    Vouchers::new(ledger, wl, now)
}
