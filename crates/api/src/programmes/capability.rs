//! B2 能力提升激励: the benefits a partner may apply for — one per level-1 capability tag
//! certified this year within the incentive scope — and the submitted applications.

use super::review::{self, status};
use crate::codes;
use crate::money::Amount;
use crate::time::Instant;
use chrono::Datelike;
use serde::{Deserialize, Serialize};

pub const BENEFITS_PATH: &str = "/v2/partners/benefits/capability-benefits";
pub const APPLICATIONS_PATH: &str = "/v2/partners/benefits/capability-applications";

/// Level-1 capability tags of the incentive scope (the app names them in both languages).
pub mod tag {
    pub const CLOUD_MIGRATION: &str = "CLOUD_MIGRATION";
    pub const DATABASE: &str = "DATABASE";
    pub const BIG_DATA: &str = "BIG_DATA";
    pub const AI: &str = "AI";
    pub const SECURITY: &str = "SECURITY";
    pub const CONTAINER: &str = "CONTAINER";
    pub const MANAGED_SERVICES: &str = "MANAGED_SERVICES";
    pub const ALL: &[&str] = &[CLOUD_MIGRATION, DATABASE, BIG_DATA, AI, SECURITY, CONTAINER, MANAGED_SERVICES];
}

/// A capability certification the partner holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertifiedTag {
    pub tag_code: &'static str,
    /// 1 for a level-1 tag; 2 for a tag under one.
    pub level: u8,
    pub certified_on: Instant,
    /// Inside the incentive scope of the programme.
    pub in_scope: bool,
}

/// The tags that give a benefit in `year`: level 1, certified in that year, inside the
/// incentive scope; one per tag (the earliest certification), in certification order.
pub fn applicable_tags(tags: &[CertifiedTag], year: i32) -> Vec<&CertifiedTag> {
    let mut out: Vec<&CertifiedTag> =
        tags.iter().filter(|t| t.level == 1 && t.in_scope && t.certified_on.year() == year).collect();
    out.sort_by_key(|t| (t.certified_on, t.tag_code));
    let mut seen = Vec::new();
    out.retain(|t| {
        let first = !seen.contains(&t.tag_code);
        seen.push(t.tag_code);
        first
    });
    out
}

crate::query_params! {
    /// `GET /v2/partners/benefits/capability-benefits` (programme members only).
    #[derive(serde::Serialize)]
    pub struct ListCapabilityBenefitsRequest {
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapabilityBenefitList {
    /// The year whose certifications count.
    pub year: i32,
    pub total_count: u64,
    pub benefits: Vec<CapabilityBenefit>,
}

/// One benefit the partner may apply for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapabilityBenefit {
    pub benefit_id: String,
    /// One of [`tag`].
    pub tag_code: String,
    #[serde(with = "crate::time::wire")]
    pub certified_on: Instant,
    /// The most an application may ask for.
    pub max_amount: Amount,
    pub measure_id: i32,
    pub currency: String,
    /// The newest application for this benefit, if any.
    #[serde(default)]
    pub latest_application: Option<ApplicationRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationRef {
    pub application_id: String,
    /// One of [`status`].
    pub status: String,
}

/// Why "申请" is refused on a benefit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplyRefusal {
    /// An application is still being reviewed (`CBC.50030003`).
    UnderReview,
    /// An application was approved: the benefit is used (`CBC.50030004`).
    Approved,
}

impl ApplyRefusal {
    pub fn code(self) -> &'static str {
        match self {
            ApplyRefusal::UnderReview => codes::APPLICATION_IN_REVIEW,
            ApplyRefusal::Approved => codes::BENEFIT_ALREADY_APPROVED,
        }
    }
}

/// Whether a new application may be submitted for a benefit whose newest application has
/// `latest` status: none yet or rejected, yes.
pub fn apply_refusal(latest: Option<&str>) -> Option<ApplyRefusal> {
    match latest {
        Some(s) if review::is_open(s) => Some(ApplyRefusal::UnderReview),
        Some(status::APPROVED) => Some(ApplyRefusal::Approved),
        _ => None,
    }
}

impl CapabilityBenefit {
    pub fn refusal(&self) -> Option<ApplyRefusal> {
        apply_refusal(self.latest_application.as_ref().map(|a| a.status.as_str()))
    }
}

crate::query_params! {
    /// `GET /v2/partners/benefits/capability-applications`, newest first.
    #[derive(serde::Serialize)]
    pub struct ListCapabilityApplicationsRequest {
        /// One of [`status`].
        pub status: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapabilityApplicationList {
    pub total_count: u64,
    pub applications: Vec<CapabilityApplication>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapabilityApplication {
    pub application_id: String,
    pub benefit_id: String,
    pub tag_code: String,
    pub amount: Amount,
    pub measure_id: i32,
    pub currency: String,
    pub certified_engineers: u32,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub description: String,
    /// One of [`status`].
    pub status: String,
    #[serde(default)]
    pub reject_reason: Option<String>,
    #[serde(with = "crate::time::wire")]
    pub submitted_time: Instant,
    #[serde(with = "crate::time::wire")]
    pub updated_time: Instant,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn t(code: &'static str, level: u8, y: i32, m: u32, in_scope: bool) -> CertifiedTag {
        CertifiedTag { tag_code: code, level, certified_on: Utc.with_ymd_and_hms(y, m, 1, 0, 0, 0).unwrap(), in_scope }
    }

    #[test]
    fn one_benefit_per_level_one_tag_certified_this_year_in_scope() {
        let tags = [
            t(tag::DATABASE, 1, 2026, 5, true),
            t(tag::AI, 1, 2025, 11, true),        // last year
            t(tag::SECURITY, 2, 2026, 2, true),   // level 2
            t(tag::CONTAINER, 1, 2026, 3, false), // outside the scope
            t(tag::DATABASE, 1, 2026, 8, true),   // recertified: still one
            t(tag::CLOUD_MIGRATION, 1, 2026, 1, true),
        ];
        let got: Vec<_> = applicable_tags(&tags, 2026).iter().map(|t| (t.tag_code, t.certified_on.month())).collect();
        assert_eq!(got, vec![(tag::CLOUD_MIGRATION, 1), (tag::DATABASE, 5)]);
        assert!(applicable_tags(&tags, 2024).is_empty());
    }

    #[test]
    fn apply_again_only_after_a_rejection() {
        assert_eq!(apply_refusal(None), None);
        assert_eq!(apply_refusal(Some(status::REJECTED)), None);
        assert_eq!(apply_refusal(Some(status::SUBMITTED)), Some(ApplyRefusal::UnderReview));
        assert_eq!(apply_refusal(Some(status::IN_REVIEW)), Some(ApplyRefusal::UnderReview));
        assert_eq!(apply_refusal(Some(status::APPROVED)), Some(ApplyRefusal::Approved));
        assert_eq!(ApplyRefusal::Approved.code(), codes::BENEFIT_ALREADY_APPROVED);
    }
}
