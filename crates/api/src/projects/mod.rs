//! Own contract for D1 交付 › 项目管理 (docs/contracts/projects.md): the partner's delivery
//! projects (项目跟踪), the acceptance application (申请验收) with its attachments, and the
//! acceptance review. No public API exists (PARTNER_API.md §11); the style follows §1.

pub mod attachments;
pub mod form;

use crate::codes;
use crate::money::Amount;
use crate::time::Instant;
use serde::{Deserialize, Serialize};

pub const LIST_PATH: &str = "/v2/partners/delivery/projects";
pub const ACCEPTANCE_ROUTE: &str = "/v2/partners/delivery/projects/{project_id}/acceptance";

/// A project's state, from its registration (报备) to its acceptance (验收).
pub mod status {
    /// 报备中: registered, not yet confirmed by the provider.
    pub const REGISTERING: &str = "REGISTERING";
    /// 报备成功: the acceptance may be applied for.
    pub const REGISTERED: &str = "REGISTERED";
    /// 验收待审核: the application was submitted.
    pub const ACCEPTANCE_SUBMITTED: &str = "ACCEPTANCE_SUBMITTED";
    /// 验收审核中.
    pub const ACCEPTANCE_IN_REVIEW: &str = "ACCEPTANCE_IN_REVIEW";
    /// 已验收: final.
    pub const ACCEPTED: &str = "ACCEPTED";
    /// 验收驳回 (with a reason): the acceptance may be applied for again.
    pub const ACCEPTANCE_REJECTED: &str = "ACCEPTANCE_REJECTED";
    pub const ALL: &[&str] =
        &[REGISTERING, REGISTERED, ACCEPTANCE_SUBMITTED, ACCEPTANCE_IN_REVIEW, ACCEPTED, ACCEPTANCE_REJECTED];
}

crate::query_params! {
    /// `GET /v2/partners/delivery/projects`: the projects the person may see, newest
    /// registration first.
    #[derive(serde::Serialize)]
    pub struct ListProjectsRequest {
        /// One of [`status`]; `REGISTERED` is 报备成功.
        pub status: Option<String>,
        /// Part of the project's name or id, or of the customer's name (≤ 64).
        pub keyword: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectList {
    pub total_count: u64,
    pub projects: Vec<Project>,
}

/// One delivery project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub project_id: String,
    pub project_name: String,
    pub customer_name: String,
    /// The account manager the project is assigned to (none: admins only see it).
    #[serde(default)]
    pub account_manager: Option<String>,
    /// The contract amount of the registration.
    pub contract_amount: Amount,
    pub measure_id: i32,
    pub currency: String,
    /// One of [`status`].
    pub status: String,
    #[serde(with = "crate::time::wire")]
    pub registered_time: Instant,
    /// The newest acceptance application, if any.
    #[serde(default)]
    pub acceptance: Option<Acceptance>,
}

/// What was applied for, and the reviewer's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acceptance {
    pub application_id: String,
    /// `yyyy-MM-dd`.
    pub completion_date: String,
    pub acceptance_amount: Amount,
    pub contact_name: String,
    pub contact_phone: String,
    pub summary: String,
    pub attachments: Vec<AttachmentRef>,
    #[serde(default)]
    pub reject_reason: Option<String>,
    #[serde(with = "crate::time::wire")]
    pub submitted_time: Instant,
    #[serde(with = "crate::time::wire")]
    pub updated_time: Instant,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentRef {
    pub attachment_id: String,
    pub file_name: String,
    pub size: u64,
}

/// Why "申请验收" is refused on a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplyRefusal {
    /// Not 报备成功 yet (`CBC.50080002`).
    NotRegistered,
    /// An application is being reviewed (`CBC.50080003`).
    UnderReview,
    /// Already accepted (`CBC.50080004`).
    Accepted,
}

impl ApplyRefusal {
    pub fn code(self) -> &'static str {
        match self {
            ApplyRefusal::NotRegistered => codes::PROJECT_NOT_REGISTERED,
            ApplyRefusal::UnderReview => codes::ACCEPTANCE_IN_REVIEW,
            ApplyRefusal::Accepted => codes::PROJECT_ACCEPTED,
        }
    }
}

/// Whether the acceptance may be applied for from `status`: 报备成功, or after a rejection.
pub fn apply_refusal(status: &str) -> Option<ApplyRefusal> {
    match status {
        status::REGISTERED | status::ACCEPTANCE_REJECTED => None,
        status::ACCEPTANCE_SUBMITTED | status::ACCEPTANCE_IN_REVIEW => Some(ApplyRefusal::UnderReview),
        status::ACCEPTED => Some(ApplyRefusal::Accepted),
        _ => Some(ApplyRefusal::NotRegistered),
    }
}

impl Project {
    pub fn refusal(&self) -> Option<ApplyRefusal> {
        apply_refusal(&self.status)
    }
}

/// A reviewer's move on a submitted acceptance, and why one is refused: the same as for
/// incentive applications (the codes differ: `CBC.50080005` here for an illegal move).
pub use crate::programmes::review::{ReviewAction, ReviewRefusal};

/// The acceptance state machine: the state after `action` from `from`, or why not.
/// 待审核 → (start) 审核中 → (approve) 已验收 | (reject) 驳回; 待审核 may be approved or
/// rejected directly. Every other state has no review move.
pub fn review_next(from: &str, action: ReviewAction, reason: Option<&str>) -> Result<&'static str, ReviewRefusal> {
    use status::*;
    let open = from == ACCEPTANCE_SUBMITTED || from == ACCEPTANCE_IN_REVIEW;
    match action {
        ReviewAction::Start if from == ACCEPTANCE_SUBMITTED => Ok(ACCEPTANCE_IN_REVIEW),
        ReviewAction::Approve if open => Ok(ACCEPTED),
        ReviewAction::Reject if open => match reason.map(str::trim) {
            Some(r) if !r.is_empty() => Ok(ACCEPTANCE_REJECTED),
            _ => Err(ReviewRefusal::ReasonRequired),
        },
        _ => Err(ReviewRefusal::IllegalTransition),
    }
}

/// `POST /v2/partners/delivery/projects/{project_id}/acceptance`: answers the project in
/// `ACCEPTANCE_SUBMITTED`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmitAcceptanceRequest {
    pub project_id: String,
    pub body: form::SubmitAcceptance,
}

pub fn acceptance_path(project_id: &str) -> String {
    crate::endpoint::fill_route(ACCEPTANCE_ROUTE, &[project_id])
}

#[cfg(test)]
mod tests {
    use super::*;
    use status::*;

    #[test]
    fn apply_from_registered_or_after_a_rejection_only() {
        assert_eq!(apply_refusal(REGISTERED), None);
        assert_eq!(apply_refusal(ACCEPTANCE_REJECTED), None);
        assert_eq!(apply_refusal(REGISTERING), Some(ApplyRefusal::NotRegistered));
        assert_eq!(apply_refusal(ACCEPTANCE_SUBMITTED), Some(ApplyRefusal::UnderReview));
        assert_eq!(apply_refusal(ACCEPTANCE_IN_REVIEW), Some(ApplyRefusal::UnderReview));
        assert_eq!(apply_refusal(ACCEPTED), Some(ApplyRefusal::Accepted));
        assert_eq!(ApplyRefusal::Accepted.code(), codes::PROJECT_ACCEPTED);
    }

    #[test]
    fn the_review_moves() {
        use ReviewAction::*;
        assert_eq!(review_next(ACCEPTANCE_SUBMITTED, Start, None), Ok(ACCEPTANCE_IN_REVIEW));
        assert_eq!(review_next(ACCEPTANCE_IN_REVIEW, Approve, None), Ok(ACCEPTED));
        assert_eq!(review_next(ACCEPTANCE_SUBMITTED, Approve, None), Ok(ACCEPTED));
        assert_eq!(review_next(ACCEPTANCE_IN_REVIEW, Reject, Some(" 缺少验收报告 ")), Ok(ACCEPTANCE_REJECTED));
        assert_eq!(review_next(ACCEPTANCE_IN_REVIEW, Reject, Some("  ")), Err(ReviewRefusal::ReasonRequired));
        assert_eq!(review_next(ACCEPTANCE_IN_REVIEW, Start, None), Err(ReviewRefusal::IllegalTransition));
        for from in [REGISTERING, REGISTERED, ACCEPTED, ACCEPTANCE_REJECTED] {
            for a in [Start, Approve, Reject] {
                assert_eq!(review_next(from, a, Some("x")), Err(ReviewRefusal::IllegalTransition), "{from}");
            }
        }
    }

    #[test]
    fn list_query_and_paths() {
        let q = ListProjectsRequest { status: Some(REGISTERED.into()), limit: Some(10), ..Default::default() };
        assert_eq!(q.to_query_string(), "status=REGISTERED&limit=10");
        assert_eq!(acceptance_path("PJ 1/2"), "/v2/partners/delivery/projects/PJ%201%2F2/acceptance");
    }
}
