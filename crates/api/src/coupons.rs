//! Vouchers (代金券) and cash coupons (现金券) — PARTNER_API.md §6, V1–V6.
//!
//! Field names follow the SDK models exactly, including the real misspelling
//! `use_limiti_info_id`. Amounts are [`Amount`] (exact decimals written as JSON numbers),
//! `is_frozen` is a string here (`"0"`/`"1"`, unlike C1), record `operation_type` and
//! `result` are strings. GET parameters are query-parameter structs whose
//! `to_query_string()` follows §1.12 (repeated keys for lists, `%20`, absent omitted).

use crate::error::ErrorDetail;
use crate::money::Amount;
use crate::page::PageRequest;
use crate::time::Instant;
use crate::validate::{
    amount, bounded_time_pair, id_list, int_code_opt, max_len, no_duplicates, required_text, text_opt, utc_opt,
    Violation,
};
use serde::{Deserialize, Serialize};

/// V1 `POST`.
pub const QUOTAS_QUERY_PATH: &str = "/v2/partners/coupon-quotas/query";
/// V2 `POST` (issue) and V3 `GET` (list issued).
pub const PARTNER_COUPONS_PATH: &str = "/v2/promotions/benefits/partner-coupons";
/// V4 `POST`.
pub const RECLAIM_PATH: &str = "/v2/promotions/benefits/partner-coupons/reclaim";
/// V5 `GET`.
pub const RECORDS_PATH: &str = "/v2/promotions/benefits/partner-coupons/records/query";
/// V6 `GET`.
pub const SUB_CUSTOMER_COUPONS_PATH: &str = "/v2/promotions/benefits/coupons";

pub const MAX_ID_LEN: usize = 64;
pub const MAX_QUOTA_IDS: usize = 50;
pub const MAX_QUOTA_STATUSES: usize = 5;
pub const MAX_CUSTOMERS_PER_ISSUE: usize = 100;
pub const MAX_LIMIT_VALUES: usize = 10;
pub const MAX_MEMO_LEN: usize = 256;
pub const MAX_OPERATION_TYPES: usize = 8;
pub const MAX_COUPON_IDS: usize = 100;
pub use crate::validate::MAX_TIME_LEN;

/// `quota_type`.
pub mod quota_type {
    /// 代金券额度 (default).
    pub const VOUCHER: i32 = 0;
    /// 现金券额度.
    pub const CASH: i32 = 1;
    pub const ALL: &[i32] = &[VOUCHER, CASH];
}

/// `quota_status`.
pub mod quota_status {
    pub const NORMAL: i32 = 0;
    /// Expired or manually invalidated.
    pub const INVALID: i32 = 3;
    /// Being adjusted: visible, cannot issue.
    pub const ADJUSTING: i32 = 4;
    pub const FROZEN: i32 = 5;
    /// Reclaimed (quotas issued to resellers only).
    pub const RECLAIMED: i32 = 6;
    pub const ALL: &[i32] = &[NORMAL, INVALID, ADJUSTING, FROZEN, RECLAIMED];
}

/// `coupon_type`.
pub mod coupon_type {
    pub const VOUCHER: i32 = 1;
    pub const DISCOUNT: i32 = 2;
    pub const PRODUCT: i32 = 3;
    pub const CASH: i32 = 4;
    pub const ALL: &[i32] = &[VOUCHER, DISCOUNT, PRODUCT, CASH];
    /// What partners issue (the V3 filter accepts these).
    pub const PARTNER_ISSUED: &[i32] = &[VOUCHER, CASH];

    /// The coupon type a quota issues.
    pub fn for_quota(quota_type: i32) -> i32 {
        if quota_type == super::quota_type::CASH {
            CASH
        } else {
            VOUCHER
        }
    }
}

/// Coupon `status`.
pub mod coupon_status {
    pub const NOT_ACTIVATED: i32 = 1;
    pub const USABLE: i32 = 2;
    pub const USED: i32 = 3;
    pub const EXPIRED: i32 = 4;
    pub const RECLAIMED: i32 = 5;
    pub const ALL: &[i32] = &[NOT_ACTIVATED, USABLE, USED, EXPIRED, RECLAIMED];
}

/// V5 record `operation_type` (a string on the wire).
pub mod operation_type {
    pub const ISSUE: &str = "1";
    pub const MANUAL_RECLAIM: &str = "2";
    pub const UNBIND_RECLAIM: &str = "3";
    pub const EXPIRY_RECLAIM: &str = "4";
    pub const UNSUBSCRIBE_RECLAIM: &str = "5";
    pub const REFUND_REVOKE: &str = "6";
    pub const ASSOCIATION_RECLAIM: &str = "7";
    pub const MODE_SWITCH_RECLAIM: &str = "8";
    pub const RESELLER_TRANSFER: &str = "9";
    pub const ALL: &[&str] = &[
        ISSUE,
        MANUAL_RECLAIM,
        UNBIND_RECLAIM,
        EXPIRY_RECLAIM,
        UNSUBSCRIBE_RECLAIM,
        REFUND_REVOKE,
        ASSOCIATION_RECLAIM,
        MODE_SWITCH_RECLAIM,
        RESELLER_TRANSFER,
    ];
}

/// Record `result` (V5, Q4).
pub mod result {
    pub const SUCCESS: &str = "0";
    pub const FAILURE: &str = "-1";
    pub const ALL: &[&str] = &[SUCCESS, FAILURE];
}

/// `media_type`.
pub mod media_type {
    pub const ELECTRONIC: i32 = 1;
    pub const PAPER: i32 = 2;
}

/// `fetch_method`.
pub mod fetch_method {
    pub const ONLINE_CLAIM: i32 = 1;
    pub const ONLINE_REDEEM: i32 = 2;
    pub const ONLINE_ISSUE: i32 = 3;
    pub const OFFLINE: i32 = 4;
    pub const EVENT_GIFT: i32 = 5;
}

/// `limit_key` of `limit_infos` (quotas) and `use_limits` (coupons). The documented keys,
/// plus the face-value bounds a quota carries (our naming: `minFaceValue`/`maxFaceValue`,
/// each with the amount in yuan as `value1`; V2 answers CBC.99000018/19 outside them).
/// List-valued keys (`cloudServiceType`, `productId`) carry a comma list in `value1`.
pub mod limit_key {
    pub const CLOUD_SERVICE_TYPE: &str = "cloudServiceType";
    pub const PRODUCT_ID: &str = "productId";
    pub const REGION_CODE: &str = "regionCode";
    pub const CHARGE_SCENE: &str = "chargeScene";
    pub const USAGE_TIMES: &str = "usageTimes";
    pub const MIN_FACE_VALUE: &str = "minFaceValue";
    pub const MAX_FACE_VALUE: &str = "maxFaceValue";
}

/// Codes of this group (PARTNER_API.md §6–§7), in the one codes module.
pub use crate::codes;

// ---- shared pieces ----

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitValue {
    #[serde(default)]
    pub value1: Option<String>,
    #[serde(default)]
    pub value2: Option<String>,
}

/// One restriction of a quota (`limit_infos[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitInfo {
    pub limit_key: String,
    #[serde(default)]
    pub limit_values: Vec<LimitValue>,
}

impl LimitInfo {
    /// The comma list in `value1`s, split (for `cloudServiceType`, `productId`).
    pub fn list(&self) -> Vec<String> {
        self.limit_values
            .iter()
            .filter_map(|v| v.value1.as_deref())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    }

    pub fn first_value(&self) -> Option<&str> {
        self.limit_values.first().and_then(|v| v.value1.as_deref())
    }
}

/// The limit with this key, if the list has one.
pub fn find_limit<'a>(limits: &'a [LimitInfo], key: &str) -> Option<&'a LimitInfo> {
    limits.iter().find(|l| l.limit_key == key)
}

/// One restriction of a coupon (`use_limits[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UseLimit {
    /// Spelled `use_limiti_info_id` by the real API.
    pub use_limiti_info_id: String,
    pub limit_key: String,
    #[serde(default)]
    pub value1: Option<String>,
    #[serde(default)]
    pub value2: Option<String>,
    #[serde(default)]
    pub value_unit: Option<String>,
    #[serde(default)]
    pub limit_type: Option<String>,
    #[serde(default)]
    pub promotion_plan_id: Option<String>,
}

// ---- V1 ListQuotaCoupons ----

/// V1 body. Absent fields are omitted; empty lists are not filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListQuotaCouponsRequest {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quota_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quota_status_list: Vec<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota_type: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time_begin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_time_begin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_time_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_time_begin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_time_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_partner_id: Option<String>,
}

/// V1 filters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaFilter {
    pub create: (Option<Instant>, Option<Instant>),
    pub effective: (Option<Instant>, Option<Instant>),
    pub expire: (Option<Instant>, Option<Instant>),
    pub page: PageRequest,
}

impl ListQuotaCouponsRequest {
    pub fn check(&self) -> Result<QuotaFilter, Violation> {
        id_list("quota_ids", &self.quota_ids, MAX_QUOTA_IDS, MAX_ID_LEN)?;
        if self.quota_status_list.len() > MAX_QUOTA_STATUSES {
            return Err(Violation::new("quota_status_list", format!("must have at most {MAX_QUOTA_STATUSES} items")));
        }
        for s in &self.quota_status_list {
            int_code_opt("quota_status_list", Some(*s as i64), quota_status::ALL)?;
        }
        int_code_opt("quota_type", self.quota_type.map(i64::from), quota_type::ALL)?;
        let create = bounded_time_pair(
            "create_time_begin",
            self.create_time_begin.as_deref(),
            "create_time_end",
            self.create_time_end.as_deref(),
        )?;
        let effective = bounded_time_pair(
            "effective_time_begin",
            self.effective_time_begin.as_deref(),
            "effective_time_end",
            self.effective_time_end.as_deref(),
        )?;
        let expire = bounded_time_pair(
            "expire_time_begin",
            self.expire_time_begin.as_deref(),
            "expire_time_end",
            self.expire_time_end.as_deref(),
        )?;
        let page = PageRequest::from_raw(self.offset, self.limit)?;
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), MAX_ID_LEN)?;
        Ok(QuotaFilter { create, effective, expire, page })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListQuotaCouponsResponse {
    #[serde(default)]
    pub total_count: Option<u64>,
    #[serde(default)]
    pub quotas: Vec<CouponQuota>,
}

/// `CouponQuotaV2`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouponQuota {
    pub quota_id: String,
    pub quota_type: i32,
    #[serde(with = "crate::time::wire")]
    pub create_time: Instant,
    #[serde(with = "crate::time::wire")]
    pub last_update_time: Instant,
    pub quota_value: Amount,
    pub quota_status: i32,
    /// Remaining amount.
    pub balance: Amount,
    pub measure_id: i32,
    pub currency: String,
    #[serde(with = "crate::time::wire")]
    pub effective_time: Instant,
    #[serde(with = "crate::time::wire")]
    pub expire_time: Instant,
    #[serde(default)]
    pub limit_infos: Vec<LimitInfo>,
}

/// Whether a quota can issue (vouchers, or quota to resellers) now, and if not why not. The
/// server has the last word; this is what the console offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usability {
    Usable,
    /// `quota_status` is not normal: invalid, adjusting, frozen, reclaimed or one not known.
    Status(i32),
    NotYetEffective,
    Expired,
    /// No balance left.
    Empty,
}

impl Usability {
    pub fn is_usable(self) -> bool {
        self == Usability::Usable
    }

    /// The rule, from a quota's fields: usable when its status is normal, `now` is in
    /// `[effective, expire)` and some balance is left (checked in that order). `now` is the
    /// server's time when known (the console reads it from the answers' `Date`).
    pub fn of(status: i32, balance: Amount, effective: Instant, expire: Instant, now: Instant) -> Usability {
        if status != quota_status::NORMAL {
            Usability::Status(status)
        } else if now < effective {
            Usability::NotYetEffective
        } else if now >= expire {
            Usability::Expired
        } else if !balance.is_positive() {
            Usability::Empty
        } else {
            Usability::Usable
        }
    }
}

impl CouponQuota {
    /// See [`Usability::of`].
    pub fn usability(&self, now: Instant) -> Usability {
        Usability::of(self.quota_status, self.balance, self.effective_time, self.expire_time, now)
    }
}

// ---- V2 CreatePartnerCoupons ----

/// V2 body. Every customer gets one coupon of `face_value`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatePartnerCouponsRequest {
    #[serde(default)]
    pub quota_id: String,
    #[serde(default)]
    pub customer_ids: Vec<String>,
    #[serde(default)]
    pub face_value: Amount,
    /// Default: the quota's effective time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_time: Option<String>,
    /// Default: the quota's expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_time: Option<String>,
    /// Default (empty): inherits the quota's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cloud_service_types: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub product_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_partner_id: Option<String>,
}

/// V2 parameters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueCheck {
    pub face_value: Amount,
    pub valid_time: Option<Instant>,
    pub expire_time: Option<Instant>,
}

impl CreatePartnerCouponsRequest {
    pub fn check(&self) -> Result<IssueCheck, Violation> {
        required_text("quota_id", &self.quota_id, MAX_ID_LEN)?;
        if self.customer_ids.is_empty() {
            return Err(Violation::new("customer_ids", "is required (1 to 100 customer ids)"));
        }
        id_list("customer_ids", &self.customer_ids, MAX_CUSTOMERS_PER_ISSUE, MAX_ID_LEN)?;
        no_duplicates("customer_ids", &self.customer_ids)?;
        let face_value = amount("face_value", self.face_value)?;
        max_len("valid_time", self.valid_time.as_deref(), MAX_TIME_LEN)?;
        max_len("expire_time", self.expire_time.as_deref(), MAX_TIME_LEN)?;
        let valid_time = utc_opt("valid_time", self.valid_time.as_deref())?;
        let expire_time = utc_opt("expire_time", self.expire_time.as_deref())?;
        if let (Some(v), Some(e)) = (valid_time, expire_time) {
            if v >= e {
                return Err(Violation::new("valid_time", "must be earlier than expire_time"));
            }
        }
        id_list("cloud_service_types", &self.cloud_service_types, MAX_LIMIT_VALUES, MAX_ID_LEN)?;
        no_duplicates("cloud_service_types", &self.cloud_service_types)?;
        id_list("product_ids", &self.product_ids, MAX_LIMIT_VALUES, MAX_ID_LEN)?;
        no_duplicates("product_ids", &self.product_ids)?;
        max_len("memo", self.memo.as_deref(), MAX_MEMO_LEN)?;
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), MAX_ID_LEN)?;
        Ok(IssueCheck { face_value, valid_time, expire_time })
    }
}

/// One issued coupon of a V2 answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouponInfo {
    /// The customer id.
    pub id: String,
    pub coupon_id: String,
}

/// V2 answer (HTTP 200): the issued coupons and the customers that failed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatePartnerCouponsResponse {
    #[serde(default)]
    pub coupon_infos: Vec<CouponInfo>,
    #[serde(default)]
    pub error_details: Vec<ErrorDetail>,
}

// ---- V3 ListIssuedPartnerCoupons ----

crate::query_params! {
    /// V3 query parameters.
    pub struct ListIssuedPartnerCouponsRequest {
        pub coupon_id: Option<String>,
        pub customer_id: Option<String>,
        pub order_id: Option<String>,
        pub coupon_type: Option<i64>,
        pub status: Option<i64>,
        pub create_time_begin: Option<String>,
        pub create_time_end: Option<String>,
        pub effective_time_begin: Option<String>,
        pub effective_time_end: Option<String>,
        pub expire_time_begin: Option<String>,
        pub expire_time_end: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
        pub indirect_partner_id: Option<String>,
    }
}

/// V3 filters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedCouponFilter {
    pub coupon_type: Option<i32>,
    pub status: Option<i32>,
    pub create: (Option<Instant>, Option<Instant>),
    pub effective: (Option<Instant>, Option<Instant>),
    pub expire: (Option<Instant>, Option<Instant>),
    pub page: PageRequest,
}

impl ListIssuedPartnerCouponsRequest {
    pub fn check(&self) -> Result<IssuedCouponFilter, Violation> {
        text_opt("coupon_id", self.coupon_id.as_deref(), MAX_ID_LEN)?;
        text_opt("customer_id", self.customer_id.as_deref(), MAX_ID_LEN)?;
        text_opt("order_id", self.order_id.as_deref(), MAX_ID_LEN)?;
        let coupon_type = int_code_opt("coupon_type", self.coupon_type, coupon_type::PARTNER_ISSUED)?;
        let status = int_code_opt("status", self.status, coupon_status::ALL)?;
        let create = bounded_time_pair(
            "create_time_begin",
            self.create_time_begin.as_deref(),
            "create_time_end",
            self.create_time_end.as_deref(),
        )?;
        let effective = bounded_time_pair(
            "effective_time_begin",
            self.effective_time_begin.as_deref(),
            "effective_time_end",
            self.effective_time_end.as_deref(),
        )?;
        let expire = bounded_time_pair(
            "expire_time_begin",
            self.expire_time_begin.as_deref(),
            "expire_time_end",
            self.expire_time_end.as_deref(),
        )?;
        let page = PageRequest::from_raw(self.offset, self.limit)?;
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), MAX_ID_LEN)?;
        Ok(IssuedCouponFilter { coupon_type, status, create, effective, expire, page })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListIssuedPartnerCouponsResponse {
    #[serde(default)]
    pub total_count: Option<u64>,
    #[serde(default)]
    pub user_coupons: Vec<IssuedCoupon>,
}

/// `IQueryUserPartnerCouponsResultV2`: a coupon the partner issued.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssuedCoupon {
    pub coupon_id: String,
    pub status: i32,
    pub customer_id: String,
    pub coupon_type: i32,
    pub measure_id: i32,
    pub face_value: Amount,
    pub balance: Amount,
    #[serde(with = "crate::time::wire")]
    pub effective_time: Instant,
    #[serde(with = "crate::time::wire")]
    pub expire_time: Instant,
    #[serde(with = "crate::time::wire")]
    pub create_time: Instant,
    #[serde(default, with = "crate::time::wire_opt")]
    pub active_time: Option<Instant>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub last_used_time: Option<Instant>,
    #[serde(default)]
    pub order_id: Option<String>,
    #[serde(default)]
    pub lock_order_id: Option<String>,
    #[serde(default)]
    pub promotion_plan_id: Option<String>,
    #[serde(default)]
    pub promotion_plan_name: Option<String>,
    #[serde(default)]
    pub promotion_plan_desc: Option<String>,
    #[serde(default)]
    pub promotion_id: Option<String>,
    pub media_type: i32,
    pub fetch_method: i32,
    /// `"0"` or `"1"` (a string here).
    pub is_frozen: String,
    #[serde(default)]
    pub use_limits: Vec<UseLimit>,
}

// ---- V4 ReclaimPartnerCoupons ----

/// V4 body. Success is 204 with no body; an expired or reclaimed coupon is HTTP 200 with
/// `{error_code: CBC.99000048, error_msg}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReclaimPartnerCouponsRequest {
    #[serde(default)]
    pub coupon_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_partner_id: Option<String>,
}

impl ReclaimPartnerCouponsRequest {
    pub fn check(&self) -> Result<(), Violation> {
        required_text("coupon_id", &self.coupon_id, MAX_ID_LEN)?;
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), 100)
    }
}

// ---- V5 ListPartnerCouponsRecord ----

crate::query_params! {
    /// V5 query parameters.
    pub struct ListPartnerCouponsRecordRequest {
        pub operation_types: Vec<String>,
        pub quota_id: Option<String>,
        pub quota_type: Option<i64>,
        pub coupon_ids: Vec<String>,
        pub customer_id: Option<String>,
        pub operation_time_begin: Option<String>,
        pub operation_time_end: Option<String>,
        pub result: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
        pub indirect_partner_id: Option<String>,
    }
}

/// V5 filters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouponRecordFilter {
    pub quota_type: Option<i32>,
    pub operation_time: (Option<Instant>, Option<Instant>),
    pub page: PageRequest,
}

impl ListPartnerCouponsRecordRequest {
    pub fn check(&self) -> Result<CouponRecordFilter, Violation> {
        if self.operation_types.len() > MAX_OPERATION_TYPES {
            return Err(Violation::new("operation_types", format!("must have at most {MAX_OPERATION_TYPES} items")));
        }
        for t in &self.operation_types {
            crate::validate::one_of("operation_types", t, operation_type::ALL)?;
        }
        text_opt("quota_id", self.quota_id.as_deref(), MAX_ID_LEN)?;
        let quota_type = int_code_opt("quota_type", self.quota_type, quota_type::ALL)?;
        id_list("coupon_ids", &self.coupon_ids, MAX_COUPON_IDS, MAX_ID_LEN)?;
        text_opt("customer_id", self.customer_id.as_deref(), MAX_ID_LEN)?;
        let operation_time = bounded_time_pair(
            "operation_time_begin",
            self.operation_time_begin.as_deref(),
            "operation_time_end",
            self.operation_time_end.as_deref(),
        )?;
        if let Some(r) = &self.result {
            crate::validate::one_of("result", r, result::ALL)?;
        }
        let page = PageRequest::from_raw(self.offset, self.limit)?;
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), MAX_ID_LEN)?;
        Ok(CouponRecordFilter { quota_type, operation_time, page })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListPartnerCouponsRecordResponse {
    #[serde(default)]
    pub total_count: Option<u64>,
    #[serde(default)]
    pub records: Vec<CouponRecord>,
}

/// One issue/reclaim operation on a coupon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouponRecord {
    pub id: String,
    /// One of [`operation_type`] (a string).
    pub operation_type: String,
    pub quota_id: String,
    pub quota_type: i32,
    #[serde(default)]
    pub coupon_id: Option<String>,
    pub customer_id: String,
    /// Issue: the face value; reclaim: the amount reclaimed.
    pub operation_amount: Amount,
    #[serde(with = "crate::time::wire")]
    pub operation_time: Instant,
    /// `"0"` success, `"-1"` failure.
    pub result: String,
    #[serde(default)]
    pub remark: Option<String>,
}

// ---- V6 ListSubCustomerCoupons ----

crate::query_params! {
    /// V6 query parameters.
    pub struct ListSubCustomerCouponsRequest {
        pub coupon_id: Option<String>,
        pub order_id: Option<String>,
        pub promotion_plan_id: Option<String>,
        pub coupon_type: Option<i64>,
        pub status: Option<i64>,
        pub active_start_time: Option<String>,
        pub active_end_time: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
        pub source_id: Option<String>,
        pub indirect_partner_id: Option<String>,
    }
}

/// V6 filters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubCustomerCouponFilter {
    pub coupon_type: Option<i32>,
    pub status: Option<i32>,
    pub active: (Option<Instant>, Option<Instant>),
    pub page: PageRequest,
}

impl ListSubCustomerCouponsRequest {
    pub fn check(&self) -> Result<SubCustomerCouponFilter, Violation> {
        text_opt("coupon_id", self.coupon_id.as_deref(), MAX_ID_LEN)?;
        text_opt("order_id", self.order_id.as_deref(), MAX_ID_LEN)?;
        text_opt("promotion_plan_id", self.promotion_plan_id.as_deref(), MAX_ID_LEN)?;
        let coupon_type = int_code_opt("coupon_type", self.coupon_type, coupon_type::ALL)?;
        let status = int_code_opt("status", self.status, coupon_status::ALL)?;
        let active = bounded_time_pair(
            "active_start_time",
            self.active_start_time.as_deref(),
            "active_end_time",
            self.active_end_time.as_deref(),
        )?;
        if self.offset.is_some() && self.limit.is_none() {
            return Err(Violation::new("offset", "is only allowed together with limit"));
        }
        let page = PageRequest::from_raw(self.offset, self.limit)?;
        text_opt("source_id", self.source_id.as_deref(), MAX_ID_LEN)?;
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), MAX_ID_LEN)?;
        Ok(SubCustomerCouponFilter { coupon_type, status, active, page })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListSubCustomerCouponsResponse {
    /// V6 names its total `count`.
    #[serde(default)]
    pub count: Option<u64>,
    #[serde(default)]
    pub user_coupons: Vec<CustomerCoupon>,
}

/// `CouponInfoV2`: a coupon as the customer side sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerCoupon {
    pub coupon_id: String,
    #[serde(default)]
    pub coupon_code: Option<String>,
    pub status: i32,
    pub customer_id: String,
    pub coupon_type: i32,
    pub measure_id: i32,
    /// A float in the SDK; a JSON number either way.
    pub face_value: Amount,
    pub balance: Amount,
    #[serde(with = "crate::time::wire")]
    pub valid_time: Instant,
    #[serde(with = "crate::time::wire")]
    pub expire_time: Instant,
    #[serde(default, with = "crate::time::wire_opt")]
    pub active_time: Option<Instant>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub reserve_time: Option<Instant>,
    #[serde(with = "crate::time::wire")]
    pub create_time: Instant,
    #[serde(default)]
    pub order_id: Option<String>,
    #[serde(default)]
    pub lock_order_id: Option<String>,
    #[serde(default)]
    pub promotion_plan_id: Option<String>,
    #[serde(default)]
    pub plan_name: Option<String>,
    #[serde(default)]
    pub plan_desc: Option<String>,
    #[serde(default)]
    pub promotion_id: Option<String>,
    pub media_type: i32,
    pub fetch_method: i32,
    #[serde(default)]
    pub use_limits: Vec<UseLimit>,
    /// 1 single-use (old), 2 reusable (new).
    pub coupon_version: i32,
    #[serde(default)]
    pub coupon_usage: Option<String>,
    pub is_frozen: String,
    pub currency: String,
    #[serde(default)]
    pub extend_param1: Option<String>,
    /// The issuing partner's id.
    #[serde(default)]
    pub source_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::to_wire;

    #[test]
    fn v1_body_omits_absent_and_checks_limits() {
        let r = ListQuotaCouponsRequest { quota_type: Some(0), limit: Some(100), ..Default::default() };
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"quota_type":0,"limit":100}"#);
        assert!(r.check().is_ok());
        let many = |n: usize| (0..n).map(|i| format!("q{i}")).collect::<Vec<_>>();
        let bad = |r: ListQuotaCouponsRequest| r.check().unwrap_err().parameter;
        assert!(ListQuotaCouponsRequest { quota_ids: many(50), ..Default::default() }.check().is_ok());
        assert_eq!(bad(ListQuotaCouponsRequest { quota_ids: many(51), ..Default::default() }), "quota_ids");
        assert_eq!(
            bad(ListQuotaCouponsRequest { quota_status_list: vec![0, 3, 4, 5, 6, 0], ..Default::default() }),
            "quota_status_list"
        );
        assert_eq!(
            bad(ListQuotaCouponsRequest { quota_status_list: vec![2], ..Default::default() }),
            "quota_status_list"
        );
        assert_eq!(bad(ListQuotaCouponsRequest { quota_type: Some(2), ..Default::default() }), "quota_type");
        assert_eq!(bad(ListQuotaCouponsRequest { limit: Some(101), ..Default::default() }), "limit");
        assert_eq!(
            bad(ListQuotaCouponsRequest { expire_time_begin: Some("2026-01-01".into()), ..Default::default() }),
            "expire_time_begin"
        );
        assert_eq!(
            bad(ListQuotaCouponsRequest { indirect_partner_id: Some(String::new()), ..Default::default() }),
            "indirect_partner_id"
        );
    }

    #[test]
    fn v1_documented_response_parses() {
        let body = r#"{"total_count":1,"quotas":[{"quota_id":"QT1","quota_type":0,
          "create_time":"2026-01-01T00:00:00Z","last_update_time":"2026-02-01T00:00:00Z","quota_value":100000.00,
          "quota_status":0,"balance":98765.43,"measure_id":1,"currency":"CNY",
          "effective_time":"2026-01-01T00:00:00Z","expire_time":"2027-12-31T16:00:00Z",
          "limit_infos":[{"limit_key":"cloudServiceType","limit_values":[{"value1":"hws.service.type.ec2,hws.service.type.obs"}]},
                         {"limit_key":"minFaceValue","limit_values":[{"value1":"10.00","value2":null}]}]}]}"#;
        let r: ListQuotaCouponsResponse = serde_json::from_str(body).unwrap();
        let q = &r.quotas[0];
        assert_eq!(q.balance, Amount::from_cents(9_876_543));
        assert_eq!(
            find_limit(&q.limit_infos, limit_key::CLOUD_SERVICE_TYPE).unwrap().list(),
            vec!["hws.service.type.ec2", "hws.service.type.obs"]
        );
        assert_eq!(find_limit(&q.limit_infos, limit_key::MIN_FACE_VALUE).unwrap().first_value(), Some("10.00"));
        let again = serde_json::to_string(&r).unwrap();
        assert!(again.contains(r#""quota_value":100000.00"#) && again.contains(r#""balance":98765.43"#), "{again}");
    }

    fn issue() -> CreatePartnerCouponsRequest {
        CreatePartnerCouponsRequest {
            quota_id: "QT1".into(),
            customer_ids: vec!["c1".into(), "c2".into()],
            face_value: Amount::from_cents(10_050),
            ..Default::default()
        }
    }

    #[test]
    fn v2_body_and_validation() {
        assert_eq!(
            serde_json::to_string(&issue()).unwrap(),
            r#"{"quota_id":"QT1","customer_ids":["c1","c2"],"face_value":100.50}"#
        );
        let ok = issue().check().unwrap();
        assert_eq!(ok.face_value, Amount::from_cents(10_050));
        let bad = |f: &dyn Fn(&mut CreatePartnerCouponsRequest)| {
            let mut r = issue();
            f(&mut r);
            r.check().unwrap_err().parameter
        };
        assert_eq!(bad(&|r| r.quota_id.clear()), "quota_id");
        assert_eq!(bad(&|r| r.quota_id = "q".repeat(65)), "quota_id");
        assert_eq!(bad(&|r| r.customer_ids.clear()), "customer_ids");
        assert_eq!(bad(&|r| r.customer_ids = (0..101).map(|i| i.to_string()).collect()), "customer_ids");
        assert_eq!(bad(&|r| r.customer_ids = vec!["a".into(), "a".into()]), "customer_ids");
        assert_eq!(bad(&|r| r.customer_ids = vec![String::new()]), "customer_ids");
        assert_eq!(bad(&|r| r.face_value = Amount::ZERO), "face_value");
        assert_eq!(bad(&|r| r.face_value = Amount::parse("-5").unwrap()), "face_value");
        assert_eq!(bad(&|r| r.face_value = Amount::parse("1.005").unwrap()), "face_value");
        assert_eq!(bad(&|r| r.valid_time = Some("tomorrow".into())), "valid_time");
        assert_eq!(
            bad(&|r| {
                r.valid_time = Some("2026-12-01T00:00:00Z".into());
                r.expire_time = Some("2026-12-01T00:00:00Z".into());
            }),
            "valid_time"
        );
        assert_eq!(bad(&|r| r.cloud_service_types = (0..11).map(|i| i.to_string()).collect()), "cloud_service_types");
        assert_eq!(bad(&|r| r.product_ids = (0..11).map(|i| i.to_string()).collect()), "product_ids");
        assert_eq!(bad(&|r| r.memo = Some("m".repeat(257))), "memo");
        assert!(CreatePartnerCouponsRequest { memo: Some("m".repeat(256)), ..issue() }.check().is_ok());
        // Exact decimals from the wire: 1E+2 and 10.500 are fine.
        let r: CreatePartnerCouponsRequest =
            serde_json::from_str(r#"{"quota_id":"q","customer_ids":["c"],"face_value":1E+2}"#).unwrap();
        assert_eq!(r.check().unwrap().face_value, Amount::from_cents(10_000));
        let r: CreatePartnerCouponsRequest =
            serde_json::from_str(r#"{"quota_id":"q","customer_ids":["c"],"face_value":10.500}"#).unwrap();
        assert!(r.check().is_ok());
    }

    #[test]
    fn v2_partial_success_parses() {
        let body = r#"{"coupon_infos":[{"id":"c1","coupon_id":"CP1"}],
          "error_details":[{"error_code":"CBC.50000020","error_msg":"not on the whitelist","id":"c2"}]}"#;
        let r: CreatePartnerCouponsResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.coupon_infos[0].coupon_id, "CP1");
        assert_eq!(r.error_details[0].error_code, codes::NOT_WHITELISTED);
        let empty: CreatePartnerCouponsResponse = serde_json::from_str("{}").unwrap();
        assert!(empty.coupon_infos.is_empty() && empty.error_details.is_empty());
    }

    #[test]
    fn v3_query_string_and_back() {
        let q = ListIssuedPartnerCouponsRequest {
            customer_id: Some("c 1".into()),
            status: Some(2),
            offset: Some(0),
            limit: Some(50),
            ..Default::default()
        };
        let s = q.to_query_string();
        assert_eq!(s, "customer_id=c%201&status=2&offset=0&limit=50");
        assert_eq!(q.url(PARTNER_COUPONS_PATH), format!("{PARTNER_COUPONS_PATH}?{s}"));
        assert_eq!(ListIssuedPartnerCouponsRequest::from_query(Some(&s)).unwrap(), q);
        let f = q.check().unwrap();
        assert_eq!((f.status, f.page.limit), (Some(2), 50));
        let bad = |r: ListIssuedPartnerCouponsRequest| r.check().unwrap_err().parameter;
        assert_eq!(bad(ListIssuedPartnerCouponsRequest { coupon_type: Some(2), ..Default::default() }), "coupon_type");
        assert_eq!(bad(ListIssuedPartnerCouponsRequest { status: Some(6), ..Default::default() }), "status");
        assert_eq!(bad(ListIssuedPartnerCouponsRequest { limit: Some(0), ..Default::default() }), "limit");
        assert_eq!(
            bad(ListIssuedPartnerCouponsRequest { coupon_id: Some("x".repeat(65)), ..Default::default() }),
            "coupon_id"
        );
        assert_eq!(
            bad(ListIssuedPartnerCouponsRequest {
                create_time_begin: Some("2026-02-01T00:00:00Z".into()),
                create_time_end: Some("2026-01-01T00:00:00Z".into()),
                ..Default::default()
            }),
            "create_time_begin"
        );
    }

    #[test]
    fn v3_documented_response_parses_with_sic_field() {
        let body = r#"{"total_count":1,"user_coupons":[{"coupon_id":"CP1","status":2,"customer_id":"c1",
          "coupon_type":1,"measure_id":1,"face_value":100.00,"balance":60.5,"effective_time":"2026-01-01T00:00:00Z",
          "expire_time":"2026-12-31T00:00:00Z","create_time":"2026-01-01T00:00:00Z","active_time":null,
          "last_used_time":"2026-03-01T00:00:00Z","order_id":"CS1","lock_order_id":null,
          "promotion_plan_id":"PP1","promotion_plan_name":"伙伴代金券","promotion_plan_desc":null,"promotion_id":null,
          "media_type":1,"fetch_method":3,"is_frozen":"0",
          "use_limits":[{"use_limiti_info_id":"UL1","limit_key":"cloudServiceType","value1":"hws.service.type.ec2",
             "value2":null,"value_unit":null,"limit_type":"1","promotion_plan_id":"PP1"}]}]}"#;
        let r: ListIssuedPartnerCouponsResponse = serde_json::from_str(body).unwrap();
        let c = &r.user_coupons[0];
        assert_eq!((c.is_frozen.as_str(), c.balance), ("0", Amount::from_cents(6050)));
        assert_eq!(c.use_limits[0].use_limiti_info_id, "UL1");
        assert_eq!(to_wire(c.last_used_time.as_ref().unwrap()), "2026-03-01T00:00:00Z");
        let v = serde_json::to_value(&r).unwrap();
        assert!(v["user_coupons"][0]["is_frozen"].is_string());
        assert!(v["user_coupons"][0]["face_value"].is_number());
        assert!(v["user_coupons"][0]["use_limits"][0].get("use_limiti_info_id").is_some());
        // An int is_frozen (C1 style) is not what V3 sends.
        assert!(serde_json::from_str::<ListIssuedPartnerCouponsResponse>(&body.replace(r#""0""#, "0")).is_err());
    }

    #[test]
    fn v4_body() {
        let r = ReclaimPartnerCouponsRequest { coupon_id: "CP1".into(), indirect_partner_id: None };
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"coupon_id":"CP1"}"#);
        assert!(r.check().is_ok());
        assert_eq!(ReclaimPartnerCouponsRequest::default().check().unwrap_err().parameter, "coupon_id");
        let empty_reseller = ReclaimPartnerCouponsRequest { indirect_partner_id: Some(String::new()), ..r };
        assert_eq!(empty_reseller.check().unwrap_err().parameter, "indirect_partner_id");
    }

    #[test]
    fn v5_repeated_keys_and_validation() {
        let q = ListPartnerCouponsRecordRequest {
            operation_types: vec!["1".into(), "2".into()],
            coupon_ids: vec!["CP 1".into()],
            result: Some("0".into()),
            ..Default::default()
        };
        let s = q.to_query_string();
        assert_eq!(s, "operation_types=1&operation_types=2&coupon_ids=CP%201&result=0");
        assert_eq!(ListPartnerCouponsRecordRequest::from_query(Some(&s)).unwrap(), q);
        assert!(q.check().is_ok());
        let bad = |r: ListPartnerCouponsRecordRequest| r.check().unwrap_err().parameter;
        let types = |n: usize| (0..n).map(|i| ((i % 9) + 1).to_string()).collect::<Vec<_>>();
        assert!(ListPartnerCouponsRecordRequest { operation_types: types(8), ..Default::default() }.check().is_ok());
        assert_eq!(
            bad(ListPartnerCouponsRecordRequest { operation_types: types(9), ..Default::default() }),
            "operation_types"
        );
        assert_eq!(
            bad(ListPartnerCouponsRecordRequest { operation_types: vec!["10".into()], ..Default::default() }),
            "operation_types"
        );
        let ids = |n: usize| (0..n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert!(ListPartnerCouponsRecordRequest { coupon_ids: ids(100), ..Default::default() }.check().is_ok());
        assert_eq!(bad(ListPartnerCouponsRecordRequest { coupon_ids: ids(101), ..Default::default() }), "coupon_ids");
        assert_eq!(bad(ListPartnerCouponsRecordRequest { result: Some("1".into()), ..Default::default() }), "result");
        assert_eq!(bad(ListPartnerCouponsRecordRequest { quota_type: Some(3), ..Default::default() }), "quota_type");
    }

    #[test]
    fn v5_record_strings_and_amounts() {
        let body = r#"{"total_count":1,"records":[{"id":"1","operation_type":"2","quota_id":"QT1","quota_type":0,
          "coupon_id":"CP1","customer_id":"c1","operation_amount":39.50,"operation_time":"2026-05-01T00:00:00Z",
          "result":"0","remark":null}]}"#;
        let r: ListPartnerCouponsRecordResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.records[0].operation_type, operation_type::MANUAL_RECLAIM);
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["records"][0]["result"], "0");
        assert_eq!(v["records"][0]["operation_amount"].to_string(), "39.50");
    }

    #[test]
    fn v6_query_and_response() {
        let q = ListSubCustomerCouponsRequest { offset: Some(10), ..Default::default() };
        assert_eq!(q.check().unwrap_err().parameter, "offset");
        let q = ListSubCustomerCouponsRequest {
            status: Some(2),
            source_id: Some("p1".into()),
            offset: Some(10),
            limit: Some(10),
            ..Default::default()
        };
        assert_eq!(q.to_query_string(), "status=2&offset=10&limit=10&source_id=p1");
        assert!(q.check().is_ok());
        let body = r#"{"count":1,"user_coupons":[{"coupon_id":"CP1","coupon_code":"X1","status":2,"customer_id":"c1",
          "coupon_type":4,"measure_id":1,"face_value":200.0,"balance":200.0,"valid_time":"2026-01-01T00:00:00Z",
          "expire_time":"2026-12-31T00:00:00Z","create_time":"2026-01-01T00:00:00Z","media_type":1,"fetch_method":3,
          "use_limits":[],"coupon_version":2,"is_frozen":"1","currency":"CNY","source_id":"p1"}]}"#;
        let r: ListSubCustomerCouponsResponse = serde_json::from_str(body).unwrap();
        assert_eq!((r.count, r.user_coupons[0].is_frozen.as_str()), (Some(1), "1"));
        assert_eq!(r.user_coupons[0].face_value, Amount::from_cents(20_000));
    }

    #[test]
    fn enums() {
        assert_eq!(coupon_type::for_quota(quota_type::CASH), coupon_type::CASH);
        assert_eq!(coupon_type::for_quota(quota_type::VOUCHER), coupon_type::VOUCHER);
        assert_eq!(operation_type::ALL.len(), 9);
        assert_eq!(quota_status::ALL, &[0, 3, 4, 5, 6]);
        assert_eq!(result::ALL, &["0", "-1"]);
    }
}

#[cfg(test)]
mod usability_tests {
    use super::*;
    use crate::time::parse_wire;

    fn quota(status: i32, balance: i64) -> CouponQuota {
        let t = |s: &str| parse_wire(s).unwrap();
        CouponQuota {
            quota_id: "q".into(),
            quota_type: quota_type::VOUCHER,
            create_time: t("2026-01-01T00:00:00Z"),
            last_update_time: t("2026-01-01T00:00:00Z"),
            quota_value: Amount::from_cents(balance),
            quota_status: status,
            balance: Amount::from_cents(balance),
            measure_id: 1,
            currency: "CNY".into(),
            effective_time: t("2026-02-01T00:00:00Z"),
            expire_time: t("2026-03-01T00:00:00Z"),
            limit_infos: Vec::new(),
        }
    }

    #[test]
    fn a_quota_is_usable_when_normal_in_effect_and_not_empty() {
        let now = parse_wire("2026-02-10T00:00:00Z").unwrap();
        assert_eq!(quota(quota_status::NORMAL, 100).usability(now), Usability::Usable);
        assert!(quota(quota_status::NORMAL, 100).usability(now).is_usable());
        for s in [quota_status::INVALID, quota_status::ADJUSTING, quota_status::FROZEN, quota_status::RECLAIMED, 9] {
            assert_eq!(quota(s, 100).usability(now), Usability::Status(s));
        }
        assert_eq!(quota(quota_status::NORMAL, 0).usability(now), Usability::Empty);
        // The status first, then the time window, then the balance.
        assert_eq!(quota(quota_status::FROZEN, 0).usability(now), Usability::Status(quota_status::FROZEN));
        let before = parse_wire("2026-01-31T23:59:59Z").unwrap();
        assert_eq!(quota(quota_status::NORMAL, 0).usability(before), Usability::NotYetEffective);
        let start = parse_wire("2026-02-01T00:00:00Z").unwrap();
        assert_eq!(quota(quota_status::NORMAL, 100).usability(start), Usability::Usable);
        let end = parse_wire("2026-03-01T00:00:00Z").unwrap();
        assert_eq!(quota(quota_status::NORMAL, 100).usability(end), Usability::Expired);
    }
}
