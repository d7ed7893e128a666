//! The S4/S7 issue form checked before a plan is made: the face value against the quota's
//! bounds, the total against its balance, and the request every batch repeats (its validity
//! only when changed, kept inside the quota's own window).

use crate::coupons::{find_limit, limit_key, CouponQuota, CreatePartnerCouponsRequest};
use crate::money::{parse_input_amount, Amount, AmountProblem};
use crate::time::{to_wire, Instant};

/// Why the face value as typed cannot be issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaceProblem {
    Required,
    Amount(AmountProblem),
    /// Below the quota's minimum face value (the minimum).
    BelowMin(Amount),
    /// Above the quota's maximum face value (the maximum).
    AboveMax(Amount),
}

/// Why the form cannot be issued yet, in the order it is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormProblem {
    NoQuota,
    /// Shown at the field itself.
    Face(FaceProblem),
    NoCustomers,
    OverBalance,
}

/// A quota's `limit_infos` amount (`minFaceValue`, `maxFaceValue`).
pub fn limit_amount(q: &CouponQuota, key: &str) -> Option<Amount> {
    find_limit(&q.limit_infos, key).and_then(|l| l.first_value()).and_then(Amount::parse)
}

/// A quota's `limit_infos` list (service types, products): what a coupon may narrow to.
pub fn limit_list(q: &CouponQuota, key: &str) -> Vec<String> {
    find_limit(&q.limit_infos, key).map(|l| l.list()).unwrap_or_default()
}

/// The quota's face value bounds, where it has them.
pub fn face_bounds(q: &CouponQuota) -> (Option<Amount>, Option<Amount>) {
    (limit_amount(q, limit_key::MIN_FACE_VALUE), limit_amount(q, limit_key::MAX_FACE_VALUE))
}

/// The face value as typed, checked against the quota's bounds (when one is chosen).
pub fn check_face(text: &str, quota: Option<&CouponQuota>) -> Result<Amount, FaceProblem> {
    if text.trim().is_empty() {
        return Err(FaceProblem::Required);
    }
    let a = parse_input_amount(text).map_err(FaceProblem::Amount)?;
    if let Some(q) = quota {
        let (min, max) = face_bounds(q);
        if let Some(min) = min.filter(|m| a < *m) {
            return Err(FaceProblem::BelowMin(min));
        }
        if let Some(max) = max.filter(|m| a > *m) {
            return Err(FaceProblem::AboveMax(max));
        }
    }
    Ok(a)
}

/// Face value × customers, when the face value is valid.
pub fn total(face_text: &str, quota: Option<&CouponQuota>, customers: usize) -> Option<Amount> {
    let a = check_face(face_text, quota).ok()?;
    Some(Amount(a.0 * rust_decimal::Decimal::from(customers as u64)))
}

/// Whether the total is more than the chosen quota's balance.
pub fn over_balance(face_text: &str, quota: Option<&CouponQuota>, customers: usize) -> bool {
    match (total(face_text, quota, customers), quota) {
        (Some(t), Some(q)) => t > q.balance,
        _ => false,
    }
}

/// The whole form: the face value to issue, or the first problem.
/// What is wrong with the validity typed on the issue form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValidityProblem {
    /// Not a day; `true` for the end.
    NotADay(bool),
    Reversed,
    /// Outside the quota's own validity (its first and last local day).
    OutsideQuota,
}

/// The typed validity (local days; empty = the quota's own) against the quota's first and
/// last local day.
pub fn check_validity(
    from: &str,
    to: &str,
    quota_days: (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>),
) -> Result<(), ValidityProblem> {
    use crate::day_input::{is_bad_day, parse_day};
    if is_bad_day(from) {
        return Err(ValidityProblem::NotADay(false));
    }
    if is_bad_day(to) {
        return Err(ValidityProblem::NotADay(true));
    }
    let (f, t) = (parse_day(from).or(quota_days.0), parse_day(to).or(quota_days.1));
    if let (Some(f), Some(t)) = (f, t) {
        if f > t {
            return Err(ValidityProblem::Reversed);
        }
    }
    let before = matches!((f, quota_days.0), (Some(f), Some(first)) if f < first);
    let after = matches!((t, quota_days.1), (Some(t), Some(last)) if t > last);
    if before || after {
        return Err(ValidityProblem::OutsideQuota);
    }
    Ok(())
}

pub fn check_form(quota: Option<&CouponQuota>, face_text: &str, customers: usize) -> Result<Amount, FormProblem> {
    let q = quota.ok_or(FormProblem::NoQuota)?;
    let face = check_face(face_text, Some(q)).map_err(FormProblem::Face)?;
    if customers == 0 {
        return Err(FormProblem::NoCustomers);
    }
    if over_balance(face_text, Some(q), customers) {
        return Err(FormProblem::OverBalance);
    }
    Ok(face)
}

/// What the person chose beyond the quota and the customers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    pub face_value: Amount,
    /// The start of the first valid day, only when changed from the quota's.
    pub valid_from: Option<Instant>,
    /// The end of the last valid day, only when changed from the quota's.
    pub valid_to: Option<Instant>,
    pub services: Vec<String>,
    pub products: Vec<String>,
    pub memo: String,
}

/// The V2 request every batch repeats (`customer_ids` left empty): a changed validity is kept
/// inside the quota's window; an empty memo is left out.
pub fn template(q: &CouponQuota, c: Choices) -> CreatePartnerCouponsRequest {
    CreatePartnerCouponsRequest {
        quota_id: q.quota_id.clone(),
        customer_ids: Vec::new(),
        face_value: c.face_value,
        valid_time: c.valid_from.map(|t| to_wire(&t.max(q.effective_time))),
        expire_time: c.valid_to.map(|t| to_wire(&t.min(q.expire_time))),
        cloud_service_types: c.services,
        product_ids: c.products,
        memo: Some(c.memo.trim().to_string()).filter(|m| !m.is_empty()),
        indirect_partner_id: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coupons::{LimitInfo, LimitValue};
    use crate::time::parse_wire;

    fn t(s: &str) -> Instant {
        parse_wire(s).unwrap()
    }

    fn quota(min: Option<&str>, max: Option<&str>, balance: i64) -> CouponQuota {
        let limit = |key: &str, v: Option<&str>| {
            v.map(|v| LimitInfo {
                limit_key: key.into(),
                limit_values: vec![LimitValue { value1: Some(v.into()), value2: None }],
            })
        };
        CouponQuota {
            quota_id: "q1".into(),
            quota_type: 0,
            create_time: t("2026-01-01T00:00:00Z"),
            last_update_time: t("2026-01-01T00:00:00Z"),
            quota_value: Amount::from_cents(balance),
            quota_status: 0,
            balance: Amount::from_cents(balance),
            measure_id: 1,
            currency: "CNY".into(),
            effective_time: t("2026-01-01T00:00:00Z"),
            expire_time: t("2027-01-01T00:00:00Z"),
            limit_infos: [limit(limit_key::MIN_FACE_VALUE, min), limit(limit_key::MAX_FACE_VALUE, max)]
                .into_iter()
                .flatten()
                .collect(),
        }
    }

    #[test]
    fn face_value_is_checked_against_the_quotas_bounds() {
        let q = quota(Some("10"), Some("500"), 100_000);
        assert_eq!(check_face(" ", Some(&q)), Err(FaceProblem::Required));
        assert_eq!(check_face("abc", Some(&q)), Err(FaceProblem::Amount(AmountProblem::NotANumber)));
        assert_eq!(check_face("0", Some(&q)), Err(FaceProblem::Amount(AmountProblem::NotPositive)));
        assert_eq!(check_face("1.234", Some(&q)), Err(FaceProblem::Amount(AmountProblem::TooManyDecimals)));
        assert_eq!(check_face("5", Some(&q)), Err(FaceProblem::BelowMin(Amount::from_cents(1_000))));
        assert_eq!(check_face("501", Some(&q)), Err(FaceProblem::AboveMax(Amount::from_cents(50_000))));
        assert_eq!(check_face("5", None), Ok(Amount::from_cents(500)));
        assert_eq!(check_face("10", Some(&q)), Ok(Amount::from_cents(1_000)));
    }

    #[test]
    fn the_form_is_checked_in_order() {
        let q = quota(None, None, 10_000);
        assert_eq!(check_form(None, "", 0), Err(FormProblem::NoQuota));
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let quota_days = (day("2026-01-05"), day("2027-12-31"));
        assert_eq!(check_validity("", "", quota_days), Ok(()));
        assert_eq!(check_validity("2026/2/1", "2027-12-31", quota_days), Ok(()));
        assert_eq!(check_validity("2026-02-30", "", quota_days), Err(ValidityProblem::NotADay(false)));
        assert_eq!(check_validity("", "soon", quota_days), Err(ValidityProblem::NotADay(true)));
        assert_eq!(check_validity("2026-03-01", "2026-02-01", quota_days), Err(ValidityProblem::Reversed));
        assert_eq!(check_validity("2028-01-01", "", quota_days), Err(ValidityProblem::Reversed));
        assert_eq!(check_validity("2026-01-04", "", quota_days), Err(ValidityProblem::OutsideQuota));
        assert_eq!(check_validity("", "2028-01-01", quota_days), Err(ValidityProblem::OutsideQuota));
        assert_eq!(check_form(Some(&q), "", 0), Err(FormProblem::Face(FaceProblem::Required)));
        assert_eq!(check_form(Some(&q), "20", 0), Err(FormProblem::NoCustomers));
        assert_eq!(check_form(Some(&q), "20", 6), Err(FormProblem::OverBalance));
        assert_eq!(check_form(Some(&q), "20", 5), Ok(Amount::from_cents(2_000)));
        assert_eq!(total("20", Some(&q), 5), Some(Amount::from_cents(10_000)));
        assert_eq!(total("x", Some(&q), 5), None);
        assert!(!over_balance("20", None, 100));
    }

    #[test]
    fn a_changed_validity_stays_inside_the_quotas_window() {
        let q = quota(None, None, 10_000);
        let c = Choices {
            face_value: Amount::from_cents(100),
            valid_from: Some(t("2025-06-01T00:00:00Z")),
            valid_to: Some(t("2026-03-01T00:00:00Z")),
            memo: "  ".into(),
            ..Default::default()
        };
        let r = template(&q, c);
        assert_eq!(r.valid_time.as_deref(), Some(to_wire(&q.effective_time).as_str()));
        assert_eq!(r.expire_time.as_deref(), Some(to_wire(&t("2026-03-01T00:00:00Z")).as_str()));
        assert_eq!(r.memo, None);
        let unchanged = template(&q, Choices { memo: " x ".into(), ..Default::default() });
        assert_eq!((unchanged.valid_time, unchanged.expire_time, unchanged.memo.as_deref()), (None, None, Some("x")));
    }
}
