//! 问题反馈 / 反馈详情: feedback on a reconciliation period and the provider's answers.

use super::model::status;
use crate::codes;
use crate::time::Instant;
use crate::validate::Violation;
use serde::{Deserialize, Serialize};

/// `GET` the thread, `POST` a new feedback.
pub const ROUTE: &str = "/v2/partners/incentives/{incentive_id}/feedbacks";

/// Feedback length, in characters after trimming.
pub const MIN_LEN: usize = 10;
pub const MAX_LEN: usize = 500;

pub mod feedback_status {
    pub const PENDING: &str = "pending";
    pub const ANSWERED: &str = "answered";
}

/// The `POST` body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackBody {
    #[serde(default)]
    pub content: String,
}

/// Why a feedback text cannot be sent (too short or too long), naming `content`.
pub fn check_content(content: &str) -> Result<String, Violation> {
    let t = content.trim();
    let n = t.chars().count();
    if n < MIN_LEN {
        return Err(Violation::new("content", format!("must be at least {MIN_LEN} characters")));
    }
    if n > MAX_LEN {
        return Err(Violation::new("content", format!("must be at most {MAX_LEN} characters")));
    }
    Ok(t.to_string())
}

/// A draft incentive has no figures to give feedback on.
pub fn why_feedback_refused(incentive_status: &str) -> Option<&'static str> {
    (incentive_status == status::DRAFT).then_some(codes::FEEDBACK_NOT_ALLOWED)
}

/// One feedback and its answer, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub feedback_id: String,
    pub incentive_id: String,
    pub content: String,
    /// Display name of the person who sent it.
    pub author: String,
    #[serde(with = "crate::time::wire")]
    pub create_time: Instant,
    /// One of [`feedback_status`].
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(default, with = "crate::time::wire_opt", skip_serializing_if = "Option::is_none")]
    pub answer_time: Option<Instant>,
}

/// The thread, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackList {
    pub total_count: u64,
    pub feedbacks: Vec<Feedback>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_length_is_limited_after_trimming() {
        assert_eq!(check_content("  短  ").unwrap_err().parameter, "content");
        assert_eq!(check_content(&"字".repeat(MIN_LEN - 1)).unwrap_err().reason, "must be at least 10 characters");
        assert_eq!(check_content(&format!("  {}  ", "字".repeat(MIN_LEN))).unwrap(), "字".repeat(MIN_LEN));
        assert!(check_content(&"a".repeat(MAX_LEN)).is_ok());
        assert_eq!(check_content(&"a".repeat(MAX_LEN + 1)).unwrap_err().reason, "must be at most 500 characters");
        assert_eq!(why_feedback_refused(status::DRAFT), Some(codes::FEEDBACK_NOT_ALLOWED));
        assert_eq!(why_feedback_refused(status::FINAL), None);
    }
}
