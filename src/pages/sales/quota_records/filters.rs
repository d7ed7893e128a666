//! The operation-records view (S9) as URL state, so a quota's log is a link
//! (`/sales/quotas/records?kind=quota&quota=QT…`) and the filter shows in the address bar.

use crate::components::filters::date_range_problem;
use crate::i18n::Msg;
use partner_api::coupons::ListPartnerCouponsRecordRequest;
use partner_api::quotas::ListCouponQuotasRecordsRequest;
use partner_api::time::to_wire;

/// Which records: Q4 (quotas issued to and reclaimed from resellers; tier-1 only) or V5
/// (vouchers issued and reclaimed out of quotas).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Quota,
    Coupon,
}

crate::list_filters! {
    pub struct RecordFilters {
        /// `quota` or `coupon` (empty: the first list the person has); kept by Reset.
        pub kind: String = "kind" [kept],
        pub quota: String = "quota",
        /// Q4 only: the distributor's source quota.
        pub parent: String = "parent",
        pub reseller: String = "reseller",
        /// Q4 `operation_type` or one V5 `operation_types` value.
        pub operation: String = "op",
        /// V5 only.
        pub result: String = "result",
        pub customer: String = "customer",
        pub quota_type: String = "quota_type",
        /// Local calendar dates `YYYY-MM-DD` (inclusive).
        pub from: String = "from",
        pub to: String = "to",
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Quota => "quota",
            Kind::Coupon => "coupon",
        }
    }
}

impl RecordFilters {
    /// `distributor`: only a tier-1 has Q4; everyone else always sees V5.
    pub fn list(&self, distributor: bool) -> Kind {
        if !distributor || self.kind == "coupon" {
            Kind::Coupon
        } else {
            Kind::Quota
        }
    }

    pub fn range(&self) -> Option<Msg> {
        date_range_problem(&self.from, &self.to, None)
    }

    pub fn quota_request(&self) -> ListCouponQuotasRecordsRequest {
        ListCouponQuotasRecordsRequest {
            indirect_partner_id: opt(&self.reseller),
            quota_id: opt(&self.quota),
            parent_quota_id: opt(&self.parent),
            operation_type: opt(&self.operation),
            operation_time_begin: crate::format::local_day_start_utc(&self.from, 0).map(|t| to_wire(&t)),
            operation_time_end: crate::format::local_day_start_utc(&self.to, 1).map(|t| to_wire(&t)),
            ..Default::default()
        }
    }

    pub fn coupon_request(&self) -> ListPartnerCouponsRecordRequest {
        ListPartnerCouponsRecordRequest {
            operation_types: opt(&self.operation).into_iter().collect(),
            quota_id: opt(&self.quota),
            quota_type: self.quota_type.parse().ok(),
            customer_id: opt(&self.customer),
            result: opt(&self.result),
            indirect_partner_id: opt(&self.reseller),
            operation_time_begin: crate::format::local_day_start_utc(&self.from, 0).map(|t| to_wire(&t)),
            operation_time_end: crate::format::local_day_start_utc(&self.to, 1).map(|t| to_wire(&t)),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::list_page::url::ListView;
    use crate::components::list_page::{filters_query, Filters, SIZES};
    use std::collections::HashMap;

    #[test]
    fn a_quota_log_link_round_trips() {
        let f =
            RecordFilters { kind: "quota".into(), quota: "QT1".into(), reseller: "r1".into(), ..Default::default() };
        assert_eq!(filters_query(f.clone()), "?kind=quota&quota=QT1&reseller=r1");
        let q: HashMap<String, String> = [("kind", "quota"), ("quota", "QT1"), ("reseller", "r1")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(ListView::<RecordFilters>::read(&|k| q.get(k).cloned(), SIZES).filters, f);
        assert_eq!(f.kept(), RecordFilters { kind: "quota".into(), ..Default::default() });
        assert!(f.has_filters());
    }

    #[test]
    fn only_a_distributor_has_quota_records() {
        let f = RecordFilters::default();
        assert_eq!((f.list(true), f.list(false)), (Kind::Quota, Kind::Coupon));
        let c = RecordFilters { kind: "coupon".into(), ..Default::default() };
        assert_eq!(c.list(true), Kind::Coupon);
    }
}
