//! Own contract for the service-partner programmes (docs/contracts/programmes.md): who is a
//! member of the invite-only CCoE capability-building programme (B1 专职人员激励 FH) and of the
//! capability-improvement programme (B2 能力提升激励), the applications of each and their review.
//! No public API exists (PARTNER_API.md §11); the style follows §1.

pub mod capability;
pub mod form;
pub mod review;

use crate::money::Amount;
use crate::profile::role;
use crate::time::Instant;
use serde::{Deserialize, Serialize};

pub const PROGRAMMES_PATH: &str = "/v2/partners/benefits/programmes";
pub const FH_APPLICATIONS_PATH: &str = "/v2/partners/benefits/fh-applications";

/// The programmes a partner may be invited to or join.
pub mod programme {
    /// 服务伙伴CCoE能力构建专项计划: invite-only; its members get the FH staff incentive (B1).
    pub const CCOE: &str = "CCOE_CAPABILITY_BUILDING";
    /// 服务伙伴能力提升专项计划: its members apply for the capability-improvement incentive (B2).
    pub const CAPABILITY_IMPROVEMENT: &str = "CAPABILITY_IMPROVEMENT";
    pub const ALL: &[&str] = &[CCOE, CAPABILITY_IMPROVEMENT];
}

/// `GET /v2/partners/benefits/programmes`: every programme with the partner's membership.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgrammesResponse {
    pub programmes: Vec<Membership>,
    /// Whom to ask about joining (生态经理); absent when none is assigned.
    #[serde(default)]
    pub ecosystem_manager: Option<EcosystemManager>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Membership {
    /// One of [`programme`].
    pub programme: String,
    pub member: bool,
    #[serde(default, with = "crate::time::wire_opt")]
    pub joined_on: Option<Instant>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EcosystemManager {
    pub name: String,
    pub email: String,
}

impl ProgrammesResponse {
    pub fn is_member(&self, programme: &str) -> bool {
        self.programmes.iter().any(|m| m.programme == programme && m.member)
    }
}

/// Who may submit applications for the partner: its administrator and supervisors. Account
/// managers read them (the server answers them 403 `CBC.0151`).
pub fn may_apply(person_role: &str) -> bool {
    person_role == role::ADMIN || person_role == role::SUPERVISOR
}

crate::query_params! {
    /// `GET /v2/partners/benefits/fh-applications`: the FH staff incentive applications,
    /// newest period first. CCoE members only (else 403 `CBC.50030001`).
    #[derive(serde::Serialize)]
    pub struct ListFhApplicationsRequest {
        /// One of [`review::status`].
        pub status: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FhApplicationList {
    pub total_count: u64,
    pub applications: Vec<FhApplication>,
}

/// One month's FH (full-time staff) incentive application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FhApplication {
    pub application_id: String,
    /// The incentive month, `yyyy-MM`.
    pub period: String,
    /// Full-time staff dedicated to the provider's cloud in that month.
    pub staff_count: u32,
    /// … of whom certified.
    pub certified_staff_count: u32,
    pub amount: Amount,
    pub measure_id: i32,
    pub currency: String,
    /// One of [`review::status`].
    pub status: String,
    /// Set when rejected.
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

    #[test]
    fn only_admins_and_supervisors_apply() {
        assert!(may_apply(role::ADMIN) && may_apply(role::SUPERVISOR));
        assert!(!may_apply(role::ACCOUNT_MANAGER) && !may_apply("OTHER"));
    }

    #[test]
    fn membership_reads_back() {
        let body = r#"{"programmes":[{"programme":"CCOE_CAPABILITY_BUILDING","member":true,"joined_on":"2025-03-01T00:00:00Z"},
            {"programme":"CAPABILITY_IMPROVEMENT","member":false,"joined_on":null}],
            "ecosystem_manager":{"name":"周敏","email":"zhou.min@example.com"}}"#;
        let r: ProgrammesResponse = serde_json::from_str(body).unwrap();
        assert!(r.is_member(programme::CCOE));
        assert!(!r.is_member(programme::CAPABILITY_IMPROVEMENT));
        assert!(!r.is_member("OTHER"));
    }

    #[test]
    fn fh_query_string() {
        let q = ListFhApplicationsRequest { status: Some("APPROVED".into()), limit: Some(10), ..Default::default() };
        assert_eq!(q.to_query_string(), "status=APPROVED&limit=10");
    }
}
