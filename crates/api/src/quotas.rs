//! Voucher quotas issued to resellers — PARTNER_API.md §7, Q1–Q4 (tier-1 token only).

use crate::coupons::{LimitInfo, MAX_ID_LEN};
use crate::error::ErrorDetail;
use crate::money::Amount;
use crate::page::PageRequest;
use crate::time::Instant;
use crate::validate::{amount, bounded_time_pair, id_list, max_len, no_duplicates, required_text, text_opt, Violation};
use serde::{Deserialize, Serialize};

/// Q1 `POST`.
pub const ISSUE_PATH: &str = "/v2/partners/coupon-quotas/indirect-partner-adjust";
/// Q2 `POST`.
pub const RECLAIM_PATH: &str = "/v2/partners/coupon-quotas/indirect-partner-reclaim";
/// Q3 `GET`.
pub const ISSUED_PATH: &str = "/v2/partners/issued-coupon-quotas";
/// Q4 `GET`.
pub const RECORDS_PATH: &str = "/v2/partners/coupon-quotas/records";

/// Most resellers (Q1) or quotas (Q2) in one call.
pub const MAX_BATCH: usize = 100;
pub const MAX_REMARK_LEN: usize = 256;

/// Q4 `operation_type` (a string).
pub mod operation_type {
    pub const ISSUE_QUOTA: &str = "10";
    pub const RECLAIM_QUOTA: &str = "11";
    pub const ALL: &[&str] = &[ISSUE_QUOTA, RECLAIM_QUOTA];
}

/// Codes of Q1, in the one codes module.
pub use crate::codes;

// ---- Q1 UpdateCouponQuotas ----

/// Q1 body: the same `quota_amount` out of `quota_id` to each reseller.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateCouponQuotasRequest {
    #[serde(default)]
    pub quota_id: String,
    #[serde(default)]
    pub indirect_partner_ids: Vec<String>,
    #[serde(default)]
    pub quota_amount: Amount,
}

impl UpdateCouponQuotasRequest {
    pub fn check(&self) -> Result<Amount, Violation> {
        required_text("quota_id", &self.quota_id, MAX_ID_LEN)?;
        if self.indirect_partner_ids.is_empty() {
            return Err(Violation::new("indirect_partner_ids", "is required"));
        }
        id_list("indirect_partner_ids", &self.indirect_partner_ids, MAX_BATCH, MAX_ID_LEN)?;
        no_duplicates("indirect_partner_ids", &self.indirect_partner_ids)?;
        amount("quota_amount", self.quota_amount)
    }
}

/// One child quota created by Q1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimpleQuotaInfo {
    /// The reseller id.
    pub id: String,
    /// The new child quota.
    pub quota_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateCouponQuotasResponse {
    #[serde(default)]
    pub simple_quota_infos: Vec<SimpleQuotaInfo>,
    #[serde(default)]
    pub error_details: Vec<ErrorDetail>,
}

// ---- Q2 ReclaimCouponQuotas ----

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReclaimCouponQuotasRequest {
    #[serde(default)]
    pub quota_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

impl ReclaimCouponQuotasRequest {
    pub fn check(&self) -> Result<(), Violation> {
        if self.quota_ids.is_empty() {
            return Err(Violation::new("quota_ids", "is required"));
        }
        id_list("quota_ids", &self.quota_ids, MAX_BATCH, MAX_ID_LEN)?;
        no_duplicates("quota_ids", &self.quota_ids)?;
        max_len("remark", self.remark.as_deref(), MAX_REMARK_LEN)
    }
}

/// One reclaimed child quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReclaimedQuotaInfo {
    pub quota_id: String,
    /// The child quota's balance after the reclaim.
    pub quota_balance: Amount,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReclaimCouponQuotasResponse {
    #[serde(default)]
    pub simple_quota_infos: Vec<ReclaimedQuotaInfo>,
    #[serde(default)]
    pub error_details: Vec<ErrorDetail>,
}

// ---- Q3 ListIssuedCouponQuotas ----

crate::query_params! {
    /// Q3 query parameters.
    pub struct ListIssuedCouponQuotasRequest {
        pub quota_id: Option<String>,
        pub indirect_partner_id: Option<String>,
        pub parent_quota_id: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

impl ListIssuedCouponQuotasRequest {
    pub fn check(&self) -> Result<PageRequest, Violation> {
        text_opt("quota_id", self.quota_id.as_deref(), MAX_ID_LEN)?;
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), MAX_ID_LEN)?;
        text_opt("parent_quota_id", self.parent_quota_id.as_deref(), MAX_ID_LEN)?;
        PageRequest::from_raw(self.offset, self.limit)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListIssuedCouponQuotasResponse {
    #[serde(default)]
    pub total_count: Option<u64>,
    #[serde(default)]
    pub quotas: Vec<IssuedCouponQuota>,
}

/// A quota the distributor issued to a reseller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssuedCouponQuota {
    pub quota_id: String,
    pub quota_type: i32,
    #[serde(with = "crate::time::wire")]
    pub create_time: Instant,
    #[serde(with = "crate::time::wire")]
    pub last_update_time: Instant,
    pub quota_value: Amount,
    pub quota_status: i32,
    pub balance: Amount,
    pub measure_id: i32,
    pub currency: String,
    #[serde(with = "crate::time::wire")]
    pub effective_time: Instant,
    #[serde(with = "crate::time::wire")]
    pub expire_time: Instant,
    #[serde(default)]
    pub limit_infos: Vec<LimitInfo>,
    pub indirect_partner_id: String,
    #[serde(default)]
    pub indirect_partner_account_name: Option<String>,
    #[serde(default)]
    pub indirect_partner_name: Option<String>,
    pub parent_quota_id: String,
}

impl IssuedCouponQuota {
    /// Whether the reseller can use it now (the same rule as its own quotas: a child quota not
    /// yet in effect is shown as such). See [`crate::coupons::Usability::of`].
    pub fn usability(&self, now: Instant) -> crate::coupons::Usability {
        crate::coupons::Usability::of(self.quota_status, self.balance, self.effective_time, self.expire_time, now)
    }
}

// ---- Q4 ListCouponQuotasRecords ----

crate::query_params! {
    /// Q4 query parameters.
    pub struct ListCouponQuotasRecordsRequest {
        pub indirect_partner_id: Option<String>,
        pub quota_id: Option<String>,
        pub operation_time_begin: Option<String>,
        pub operation_time_end: Option<String>,
        pub parent_quota_id: Option<String>,
        pub operation_type: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

/// Q4 filters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaRecordFilter {
    pub operation_time: (Option<Instant>, Option<Instant>),
    pub page: PageRequest,
}

impl ListCouponQuotasRecordsRequest {
    pub fn check(&self) -> Result<QuotaRecordFilter, Violation> {
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), MAX_ID_LEN)?;
        text_opt("quota_id", self.quota_id.as_deref(), MAX_ID_LEN)?;
        let operation_time = bounded_time_pair(
            "operation_time_begin",
            self.operation_time_begin.as_deref(),
            "operation_time_end",
            self.operation_time_end.as_deref(),
        )?;
        text_opt("parent_quota_id", self.parent_quota_id.as_deref(), MAX_ID_LEN)?;
        text_opt("operation_type", self.operation_type.as_deref(), 8)?;
        if let Some(t) = &self.operation_type {
            crate::validate::one_of("operation_type", t, operation_type::ALL)?;
        }
        let page = PageRequest::from_raw(self.offset, self.limit)?;
        Ok(QuotaRecordFilter { operation_time, page })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListCouponQuotasRecordsResponse {
    #[serde(default)]
    pub total_count: Option<u64>,
    #[serde(default)]
    pub records: Vec<QuotaRecord>,
}

/// One issue/reclaim of a reseller quota.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuotaRecord {
    pub id: String,
    /// The login name of who did it.
    pub operator: String,
    /// `"10"` issue, `"11"` reclaim.
    pub operation_type: String,
    /// The child quota.
    pub quota_id: String,
    pub parent_quota_id: String,
    pub amount: Amount,
    #[serde(with = "crate::time::wire")]
    pub operation_time: Instant,
    pub result: String,
    pub indirect_partner_id: String,
    #[serde(default)]
    pub indirect_partner_account_name: Option<String>,
    #[serde(default)]
    pub indirect_partner_name: Option<String>,
    #[serde(default)]
    pub remark: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q1_body_and_validation() {
        let r = UpdateCouponQuotasRequest {
            quota_id: "QT1".into(),
            indirect_partner_ids: vec!["r1".into(), "r2".into()],
            quota_amount: Amount::from_cents(100_000),
        };
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"quota_id":"QT1","indirect_partner_ids":["r1","r2"],"quota_amount":1000.00}"#
        );
        assert_eq!(r.check().unwrap(), Amount::from_cents(100_000));
        let bad = |f: &dyn Fn(&mut UpdateCouponQuotasRequest)| {
            let mut x = r.clone();
            f(&mut x);
            x.check().unwrap_err().parameter
        };
        assert_eq!(bad(&|x| x.quota_id.clear()), "quota_id");
        assert_eq!(bad(&|x| x.indirect_partner_ids.clear()), "indirect_partner_ids");
        assert_eq!(bad(&|x| x.indirect_partner_ids = vec!["r".into(), "r".into()]), "indirect_partner_ids");
        assert_eq!(bad(&|x| x.quota_amount = Amount::ZERO), "quota_amount");
        assert_eq!(bad(&|x| x.quota_amount = Amount::parse("0.001").unwrap()), "quota_amount");
    }

    #[test]
    fn q1_q2_answers_parse() {
        let body = r#"{"simple_quota_infos":[{"id":"r1","quota_id":"QT9"}],
          "error_details":[{"error_code":"CBC.99000037","error_msg":"no permission","id":"r9"}]}"#;
        let r: UpdateCouponQuotasResponse = serde_json::from_str(body).unwrap();
        assert_eq!((r.simple_quota_infos[0].quota_id.as_str(), r.error_details[0].id.as_str()), ("QT9", "r9"));
        let body = r#"{"simple_quota_infos":[{"quota_id":"QT9","quota_balance":0.00}],"error_details":[]}"#;
        let r: ReclaimCouponQuotasResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.simple_quota_infos[0].quota_balance, Amount::ZERO);
        assert!(serde_json::to_string(&r).unwrap().contains(r#""quota_balance":0.00"#));
    }

    #[test]
    fn a_reseller_quota_not_yet_in_effect_is_not_usable() {
        let body = r#"{"quota_id":"QT9","quota_type":0,"create_time":"2026-11-01T00:00:00Z",
          "last_update_time":"2026-11-01T00:00:00Z","quota_value":100,"quota_status":0,"balance":100,
          "measure_id":1,"currency":"CNY","effective_time":"2026-12-01T00:00:00Z",
          "expire_time":"2027-12-01T00:00:00Z","indirect_partner_id":"r1","parent_quota_id":"QT1"}"#;
        let q: IssuedCouponQuota = serde_json::from_str(body).unwrap();
        let at = |s: &str| crate::time::parse_wire(s).unwrap();
        use crate::coupons::Usability;
        assert_eq!(q.usability(at("2026-11-30T23:59:59Z")), Usability::NotYetEffective);
        assert_eq!(q.usability(at("2026-12-01T00:00:00Z")), Usability::Usable);
        assert_eq!(q.usability(at("2027-12-01T00:00:00Z")), Usability::Expired);
    }

    #[test]
    fn q2_validation() {
        let ok = ReclaimCouponQuotasRequest { quota_ids: vec!["a".into()], remark: None };
        assert_eq!(serde_json::to_string(&ok).unwrap(), r#"{"quota_ids":["a"]}"#);
        assert!(ok.check().is_ok());
        assert_eq!(ReclaimCouponQuotasRequest::default().check().unwrap_err().parameter, "quota_ids");
        let long = ReclaimCouponQuotasRequest { remark: Some("x".repeat(257)), ..ok };
        assert_eq!(long.check().unwrap_err().parameter, "remark");
    }

    #[test]
    fn q3_q4_queries() {
        let q = ListIssuedCouponQuotasRequest {
            parent_quota_id: Some("QT1".into()),
            limit: Some(100),
            ..Default::default()
        };
        assert_eq!(q.url(ISSUED_PATH), "/v2/partners/issued-coupon-quotas?parent_quota_id=QT1&limit=100");
        assert!(q.check().is_ok());
        assert_eq!(
            ListIssuedCouponQuotasRequest { limit: Some(101), ..Default::default() }.check().unwrap_err().parameter,
            "limit"
        );
        let q = ListCouponQuotasRecordsRequest {
            operation_type: Some("10".into()),
            operation_time_begin: Some("2026-01-01T00:00:00Z".into()),
            ..Default::default()
        };
        assert_eq!(q.to_query_string(), "operation_time_begin=2026-01-01T00%3A00%3A00Z&operation_type=10");
        assert_eq!(ListCouponQuotasRecordsRequest::from_query(Some(&q.to_query_string())).unwrap(), q);
        assert!(q.check().is_ok());
        let bad = ListCouponQuotasRecordsRequest { operation_type: Some("1".into()), ..Default::default() };
        assert_eq!(bad.check().unwrap_err().parameter, "operation_type");
    }

    #[test]
    fn q3_q4_documented_shapes() {
        let body = r#"{"total_count":1,"quotas":[{"quota_id":"QT9","quota_type":0,"create_time":"2026-01-01T00:00:00Z",
          "last_update_time":"2026-01-01T00:00:00Z","quota_value":5000.00,"quota_status":6,"balance":0.00,
          "measure_id":1,"currency":"CNY","effective_time":"2026-01-01T00:00:00Z","expire_time":"2027-01-01T00:00:00Z",
          "limit_infos":[],"indirect_partner_id":"r1","indirect_partner_account_name":"cloudbridge_it",
          "indirect_partner_name":"云桥","parent_quota_id":"QT1"}]}"#;
        let r: ListIssuedCouponQuotasResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.quotas[0].parent_quota_id, "QT1");
        let body = r#"{"total_count":1,"records":[{"id":"1","operator":"admin","operation_type":"11","quota_id":"QT9",
          "parent_quota_id":"QT1","amount":1234.50,"operation_time":"2026-01-01T00:00:00Z","result":"0",
          "indirect_partner_id":"r1","indirect_partner_account_name":"cloudbridge_it","indirect_partner_name":"云桥",
          "remark":"年底回收"}]}"#;
        let r: ListCouponQuotasRecordsResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.records[0].operation_type, operation_type::RECLAIM_QUOTA);
        assert!(serde_json::to_string(&r).unwrap().contains(r#""amount":1234.50"#));
    }
}
