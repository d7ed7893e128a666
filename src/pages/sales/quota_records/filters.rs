//! The operation-records view (S9) as URL state, so a quota's log is a link
//! (`/sales/quotas/records?kind=quota&quota=QT…`) and the filter shows in the address bar.

use leptos_router::params::ParamsMap;
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

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RecordFilters {
    pub kind: Kind,
    pub quota: String,
    /// Q4 only: the distributor's source quota.
    pub parent: String,
    pub reseller: String,
    /// Q4 `operation_type` or one V5 `operation_types` value.
    pub operation: String,
    /// V5 only.
    pub result: String,
    pub customer: String,
    pub quota_type: String,
    /// Local calendar dates `YYYY-MM-DD` (inclusive).
    pub from: String,
    pub to: String,
}

fn enc(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl RecordFilters {
    /// `distributor`: only a tier-1 has Q4; everyone else always sees V5.
    pub fn from_query(q: &ParamsMap, distributor: bool) -> Self {
        let kind = match q.get("kind").as_deref() {
            Some("coupon") => Kind::Coupon,
            Some("quota") if distributor => Kind::Quota,
            _ if distributor => Kind::Quota,
            _ => Kind::Coupon,
        };
        let get = |k: &str| q.get(k).unwrap_or_default();
        RecordFilters {
            kind,
            quota: get("quota"),
            parent: get("parent"),
            reseller: get("reseller"),
            operation: get("op"),
            result: get("result"),
            customer: get("customer"),
            quota_type: get("quota_type"),
            from: get("from"),
            to: get("to"),
        }
    }

    pub fn to_query(&self) -> String {
        let mut parts = vec![format!("kind={}", if self.kind == Kind::Quota { "quota" } else { "coupon" })];
        for (k, v) in [
            ("quota", &self.quota),
            ("parent", &self.parent),
            ("reseller", &self.reseller),
            ("op", &self.operation),
            ("result", &self.result),
            ("customer", &self.customer),
            ("quota_type", &self.quota_type),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if !v.trim().is_empty() {
                parts.push(format!("{k}={}", enc(v.trim())));
            }
        }
        format!("?{}", parts.join("&"))
    }

    pub fn has_filters(&self) -> bool {
        *self != RecordFilters { kind: self.kind, ..Default::default() }
    }

    pub fn range_invalid(from: &str, to: &str) -> bool {
        !from.is_empty() && !to.is_empty() && from > to
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
