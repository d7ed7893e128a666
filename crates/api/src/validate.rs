//! Validation rules shared by the sandbox (which enforces them) and the app (which checks
//! early so people see the problem at the field, before a round trip).

use crate::time::{parse_wire, Instant};
use chrono::Months;

/// One invalid parameter; becomes HTTP 400 `CBC.0100` naming the parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub parameter: String,
    pub reason: String,
}

impl Violation {
    pub fn new(parameter: impl Into<String>, reason: impl Into<String>) -> Self {
        Self { parameter: parameter.into(), reason: reason.into() }
    }

    /// The `error_msg` text; [`crate::ApiError::parameter`] reads the name back out of it.
    pub fn message(&self) -> String {
        format!("parameter '{}' {}", self.parameter, self.reason)
    }
}

/// At most `max` characters (the contract counts characters).
pub fn max_len(parameter: &str, value: Option<&str>, max: usize) -> Result<(), Violation> {
    match value {
        Some(v) if v.chars().count() > max => {
            Err(Violation::new(parameter, format!("must be at most {max} characters")))
        }
        _ => Ok(()),
    }
}

/// An optional UTC instant: absent is fine, empty or malformed is not.
pub fn utc_opt(parameter: &str, value: Option<&str>) -> Result<Option<Instant>, Violation> {
    match value {
        None => Ok(None),
        Some(v) => parse_wire(v)
            .map(Some)
            .ok_or_else(|| Violation::new(parameter, "must be a UTC time like 2026-01-31T16:00:00Z")),
    }
}

/// A begin/end pair where begin must not be after end.
pub fn range(begin_name: &str, begin: Option<Instant>, end: Option<Instant>) -> Result<(), Violation> {
    match (begin, end) {
        (Some(b), Some(e)) if b > e => Err(Violation::new(begin_name, "must not be later than the end of the range")),
        _ => Ok(()),
    }
}

/// A begin/end pair that may span at most one calendar year (O1 create/payment times):
/// `end` must not be later than `begin` plus 12 months. Names the end parameter.
pub fn max_span_one_year(
    end_name: &str,
    begin_name: &str,
    begin: Option<Instant>,
    end: Option<Instant>,
) -> Result<(), Violation> {
    match (begin, end) {
        (Some(b), Some(e)) if b.checked_add_months(Months::new(12)).is_none_or(|limit| e > limit) => {
            Err(Violation::new(end_name, format!("must be at most 1 year after {begin_name}")))
        }
        _ => Ok(()),
    }
}

/// A value from a closed set of codes.
pub fn one_of(parameter: &str, value: &str, allowed: &[&str]) -> Result<(), Violation> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(Violation::new(parameter, format!("must be one of {}", allowed.join(", "))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(max_len("a", Some("张三李四"), 4).is_ok());
        assert_eq!(max_len("a", Some("12345"), 4).unwrap_err().parameter, "a");
        assert!(utc_opt("t", None).unwrap().is_none());
        assert!(utc_opt("t", Some("")).is_err());
        assert!(utc_opt("t", Some("2026-01-01")).is_err());
        let b = utc_opt("b", Some("2026-02-01T00:00:00Z")).unwrap();
        let e = utc_opt("e", Some("2026-01-01T00:00:00Z")).unwrap();
        assert_eq!(range("b", b, e).unwrap_err().parameter, "b");
        let t = |s: &str| utc_opt("t", Some(s)).unwrap();
        assert!(max_span_one_year("e", "b", t("2024-02-29T00:00:00Z"), t("2025-02-28T00:00:00Z")).is_ok());
        let v = max_span_one_year("e", "b", t("2024-02-29T00:00:00Z"), t("2025-02-28T00:00:01Z")).unwrap_err();
        assert_eq!(v.message(), "parameter 'e' must be at most 1 year after b");
        assert!(max_span_one_year("e", "b", t("2024-01-01T00:00:00Z"), None).is_ok());
        assert!(one_of("x", "2", &["1", "2"]).is_ok());
        let v = one_of("x", "9", &["1", "2"]).unwrap_err();
        assert_eq!(v.message(), "parameter 'x' must be one of 1, 2");
    }
}
