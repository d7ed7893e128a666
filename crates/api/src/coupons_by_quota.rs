//! S6 "by quota": V3 has no quota parameter, so the coupons issued from one quota are read
//! from V5's successful issue records of that quota (a page of records = a page of rows),
//! and each coupon's current state from V3 (one `coupon_id` per call).

use crate::coupons::{operation_type, result, ListIssuedPartnerCouponsRequest, ListPartnerCouponsRecordRequest};

/// V3 calls in flight at once for one page of rows.
pub const PARALLEL_LOOKUPS: usize = 4;

/// The V5 page of successful issues from `quota`, narrowed by the customer and creation-time
/// filters of the page (an issue's operation time is the coupon's creation time). The quota's
/// type is sent when known: V5's `quota_type` is documented with a default (voucher).
pub fn issue_records_request(
    quota: &str,
    quota_type: Option<i32>,
    filter: &ListIssuedPartnerCouponsRequest,
    offset: u64,
    limit: u64,
) -> ListPartnerCouponsRecordRequest {
    ListPartnerCouponsRecordRequest {
        operation_types: vec![operation_type::ISSUE.to_string()],
        quota_id: Some(quota.to_string()),
        quota_type: quota_type.map(i64::from),
        customer_id: filter.customer_id.clone(),
        operation_time_begin: filter.create_time_begin.clone(),
        operation_time_end: filter.create_time_end.clone(),
        result: Some(result::SUCCESS.to_string()),
        offset: Some(offset as i64),
        limit: Some(limit as i64),
        ..Default::default()
    }
}

/// The V3 lookup of one coupon (its current status and balance).
pub fn coupon_request(coupon_id: &str) -> ListIssuedPartnerCouponsRequest {
    ListIssuedPartnerCouponsRequest {
        coupon_id: Some(coupon_id.to_string()),
        offset: Some(0),
        limit: Some(1),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_records_of_the_quota_with_the_page_filters() {
        let f = ListIssuedPartnerCouponsRequest {
            customer_id: Some("c1".into()),
            status: Some(2),
            create_time_begin: Some("2026-01-01T00:00:00Z".into()),
            ..Default::default()
        };
        let r = issue_records_request("QT1", Some(1), &f, 40, 20);
        assert_eq!(r.quota_type, Some(1));
        assert_eq!(r.operation_types, vec!["1"]);
        assert_eq!((r.quota_id.as_deref(), r.result.as_deref()), (Some("QT1"), Some("0")));
        assert_eq!(r.customer_id.as_deref(), Some("c1"));
        assert_eq!(r.operation_time_begin.as_deref(), Some("2026-01-01T00:00:00Z"));
        assert_eq!((r.offset, r.limit), (Some(40), Some(20)));
        r.check().unwrap();
        let c = coupon_request("CP9");
        assert_eq!((c.coupon_id.as_deref(), c.limit), (Some("CP9"), Some(1)));
    }
}
