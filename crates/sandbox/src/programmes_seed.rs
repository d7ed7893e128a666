//! Seeded programme data, keyed by partner account (docs/contracts/programmes.md): who is in
//! which programme, their ecosystem managers, a year of FH applications, the certified
//! capability tags and capability applications in every review state. Every time lies before
//! the seed's reference "now" (2026-11-20).

use chrono::{TimeZone, Utc};
use partner_api::programmes::capability::{tag, CertifiedTag};
use partner_api::programmes::programme;
use partner_api::programmes::review::status::*;
use partner_api::time::Instant;
use partner_api::Amount;

pub fn at(y: i32, m: u32, d: u32) -> Instant {
    Utc.with_ymd_and_hms(y, m, d, 2, 0, 0).single().expect("valid seed date")
}

/// (account, programme, joined on).
pub const MEMBERS: &[(&str, &str, (i32, u32, u32))] = &[
    ("huitong_services", programme::CCOE, (2025, 3, 1)),
    ("huitong_services", programme::CAPABILITY_IMPROVEMENT, (2025, 6, 15)),
    ("yunqi_services", programme::CCOE, (2026, 2, 10)),
];

/// (account, name, e-mail) of each service partner's ecosystem manager (生态经理).
pub const ECOSYSTEM_MANAGERS: &[(&str, &str, &str)] = &[
    ("huitong_services", "周敏", "zhou.min@eco.example.com"),
    ("yunqi_services", "Kevin Sun", "kevin.sun@eco.example.com"),
    ("anxin_ops", "罗佳", "luo.jia@eco.example.com"),
];

/// One seeded FH application: (account, period, staff, certified, amount in cents, status, reason).
pub type FhDef = (&'static str, &'static str, u32, u32, i64, &'static str, Option<&'static str>);

pub const FH: &[FhDef] = &[
    ("huitong_services", "2026-01", 12, 9, 3_600_000, APPROVED, None),
    ("huitong_services", "2026-02", 12, 9, 3_600_000, APPROVED, None),
    ("huitong_services", "2026-03", 13, 10, 3_900_000, APPROVED, None),
    ("huitong_services", "2026-04", 13, 8, 3_900_000, REJECTED, Some("专职人员社保证明缺失 2 人,请补充后重新申请。")),
    ("huitong_services", "2026-05", 14, 11, 4_200_000, APPROVED, None),
    ("huitong_services", "2026-06", 14, 11, 4_200_000, APPROVED, None),
    ("huitong_services", "2026-07", 15, 12, 4_500_000, APPROVED, None),
    ("huitong_services", "2026-08", 15, 12, 4_500_000, REJECTED, Some("认证人数与认证系统记录不一致。")),
    ("huitong_services", "2026-09", 16, 13, 4_800_000, IN_REVIEW, None),
    ("huitong_services", "2026-10", 16, 13, 4_800_000, SUBMITTED, None),
    ("yunqi_services", "2026-08", 6, 4, 1_800_000, APPROVED, None),
    ("yunqi_services", "2026-09", 6, 5, 1_800_000, IN_REVIEW, None),
    ("yunqi_services", "2026-10", 7, 5, 2_100_000, SUBMITTED, None),
];

/// The month after a `yyyy-MM` period, day 3: when it was submitted.
pub fn submitted_for(period: &str) -> Instant {
    let (y, m) = period.split_once('-').expect("yyyy-MM");
    let (y, m): (i32, u32) = (y.parse().expect("year"), m.parse().expect("month"));
    if m == 12 {
        at(y + 1, 1, 3)
    } else {
        at(y, m + 1, 3)
    }
}

/// Capability certifications per account (only members of the capability programme apply).
pub fn certified_tags(account: &str) -> Vec<CertifiedTag> {
    let t = |tag_code, level, (y, m, d): (i32, u32, u32), in_scope| CertifiedTag {
        tag_code,
        level,
        certified_on: at(y, m, d),
        in_scope,
    };
    match account {
        "huitong_services" => vec![
            t(tag::CLOUD_MIGRATION, 1, (2026, 2, 12), true),
            t(tag::CONTAINER, 1, (2026, 3, 5), false),
            t(tag::DATABASE, 1, (2026, 4, 18), true),
            t(tag::DATABASE, 2, (2026, 5, 9), true),
            t(tag::BIG_DATA, 1, (2026, 6, 20), true),
            t(tag::AI, 1, (2026, 8, 1), true),
            t(tag::SECURITY, 1, (2026, 9, 14), true),
            t(tag::MANAGED_SERVICES, 1, (2025, 10, 8), true),
        ],
        "yunqi_services" => vec![t(tag::DATABASE, 1, (2026, 5, 2), true)],
        _ => Vec::new(),
    }
}

/// The most one application for a tag's benefit may ask for.
pub fn max_amount(tag_code: &str) -> Amount {
    let yuan = match tag_code {
        tag::CLOUD_MIGRATION => 50_000,
        tag::DATABASE => 40_000,
        tag::BIG_DATA => 40_000,
        tag::AI => 60_000,
        tag::SECURITY => 30_000,
        _ => 20_000,
    };
    Amount::from_cents(yuan * 100)
}

/// One seeded capability application: (account, tag, amount in cents, engineers, status, reason).
pub type CapabilityDef = (&'static str, &'static str, i64, u32, &'static str, Option<&'static str>);

/// SECURITY has none (apply), DATABASE was rejected (apply again).
pub const CAPABILITY: &[CapabilityDef] = &[
    ("huitong_services", tag::CLOUD_MIGRATION, 4_500_000, 8, APPROVED, None),
    (
        "huitong_services",
        tag::DATABASE,
        4_000_000,
        5,
        REJECTED,
        Some("申请金额超出认证工程师人数对应的标准,请调整后重新申请。"),
    ),
    ("huitong_services", tag::BIG_DATA, 3_000_000, 4, IN_REVIEW, None),
    ("huitong_services", tag::AI, 2_500_000, 3, SUBMITTED, None),
];
