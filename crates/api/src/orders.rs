//! Customer orders and their resources — PARTNER_API.md §8:
//! O1 ListCustomerOrders, O2 ShowCustomerOrderDetails, O3 ListPayPerUseCustomerResources
//! (yearly/monthly resources, despite the SDK's name) and O4 ListCustomerOnDemandResources.
//!
//! Field names follow the SDK models exactly (`CustomerOrderV2`, `CustomerOrderV3`,
//! `OrderLineItemEntityV2`, `OrderInstanceV2`, `CustomerOnDemandResource`), including the
//! real path typo `/v2/orders/suscriptions/...`. Order amounts are floats in the SDK but
//! travel here as [`Amount`] (exact decimal, written as a JSON number, §1.12).

use crate::money::Amount;
use crate::page::PageRequest;
use crate::time::Instant;
use crate::validate::{int_code, max_len, max_span_one_year, one_of, required_text, time_pair, value_list, Violation};
use serde::{Deserialize, Deserializer, Serialize};

/// O1 `GET`.
pub const LIST_PATH: &str = "/v2/orders/customer-orders";
/// O2 `GET`.
pub const DETAIL_ROUTE: &str = "/v2/orders/customer-orders/details/{order_id}";
/// O3 `POST` — `suscriptions` is the real spelling.
pub const RESOURCES_PATH: &str = "/v2/orders/suscriptions/resources/query";
/// O4 `POST`.
pub const ON_DEMAND_PATH: &str = "/v2/partners/sub-customers/on-demand-resources/query";

/// Optional header of O2 and O4 that localises names (§1.1).
pub const LANGUAGE_HEADER: &str = "X-Language";

/// `X-Language` values; absent means zh_CN.
pub mod language {
    pub const ZH_CN: &str = "zh_CN";
    pub const EN_US: &str = "en_US";
    pub const DEFAULT: &str = ZH_CN;

    /// Whether a received header asks for English (`en_US`, any case, `-` or `_`); any
    /// other value falls back to the default zh_CN.
    pub fn is_english(header: Option<&str>) -> bool {
        header.is_some_and(|h| h.trim().replace('-', "_").eq_ignore_ascii_case(EN_US))
    }
}

/// Longest id accepted in filters (order, customer, reseller ids).
pub const MAX_ID_LEN: usize = 64;
/// Most ids one O3/O4 `resource_ids` filter may carry.
pub const MAX_RESOURCE_IDS: usize = 50;

/// Order `status` (response). Only [`order_status::FILTERABLE`] may be used as a filter.
pub mod order_status {
    pub const PENDING_REVIEW: i32 = 1;
    pub const PENDING_REFUND: i32 = 2;
    pub const PROCESSING: i32 = 3;
    pub const CANCELLED: i32 = 4;
    pub const COMPLETED: i32 = 5;
    pub const PENDING_PAYMENT: i32 = 6;
    pub const PENDING_CONFIRMATION: i32 = 9;
    pub const PENDING_SHIPMENT: i32 = 10;
    pub const PENDING_RECEIPT: i32 = 11;
    pub const PENDING_PICKUP: i32 = 12;
    pub const REPLACING: i32 = 13;
    pub const ALL: &[i32] = &[1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13];
    /// The O1 `status` filter accepts these.
    pub const FILTERABLE: &[i32] = &[1, 3, 4, 5, 6, 9];
}

/// `order_type`: an int in responses, a string in the O1 filter.
pub mod order_type {
    pub const NEW: i32 = 1;
    pub const RENEWAL: i32 = 2;
    pub const CHANGE: i32 = 3;
    pub const UNSUBSCRIBE: i32 = 4;
    /// Yearly/monthly → pay-per-use.
    pub const TO_PAY_PER_USE: i32 = 10;
    /// Pay-per-use → yearly/monthly.
    pub const TO_YEARLY_MONTHLY: i32 = 11;
    pub const TRIAL: i32 = 13;
    pub const TRIAL_TO_COMMERCIAL: i32 = 14;
    pub const FEE_ADJUSTMENT: i32 = 15;
    pub const ALL: &[i32] = &[1, 2, 3, 4, 10, 11, 13, 14, 15];
    /// The same codes as the O1 filter spells them.
    pub const FILTER_CODES: &[&str] = &["1", "2", "3", "4", "10", "11", "13", "14", "15"];
}

/// `source_type` of an order.
pub mod source_type {
    pub const CUSTOMER: i32 = 1;
    pub const AGENT: i32 = 2;
    pub const CONTRACT: i32 = 3;
    pub const DISTRIBUTOR: i32 = 4;
    pub const DELETED_ON_PAGE: i32 = 5;
    pub const BACK_FILLED: i32 = 6;
    pub const COMPENSATION: i32 = 7;
    pub const SYSTEM: i32 = 8;
    pub const ALL: &[i32] = &[1, 2, 3, 4, 5, 6, 7, 8];
}

/// `period_type` of an order line item.
pub mod period_type {
    pub const DAY: i32 = 0;
    pub const WEEK: i32 = 1;
    pub const MONTH: i32 = 2;
    pub const YEAR: i32 = 3;
    pub const HOUR: i32 = 4;
    pub const ONE_OFF: i32 = 5;
    /// Reserved: pay-per-use.
    pub const ON_DEMAND: i32 = 6;
    /// Reserved: by usage report.
    pub const USAGE_REPORT: i32 = 7;
    pub const ALL: &[i32] = &[0, 1, 2, 3, 4, 5, 6, 7];
}

/// `discount_type` in `amount_info.discounts[]` (a string on the wire).
pub mod discount_type {
    pub const PROMOTION_PRODUCT: &str = "200";
    pub const DISCOUNT_COUPON: &str = "300";
    pub const VOUCHER: &str = "301";
    pub const CASH_COUPON: &str = "302";
    pub const AGENT_DISCOUNT: &str = "500";
    pub const AGENT_REDUCTION: &str = "501";
    pub const AGENT_FIXED_PRICE: &str = "502";
    pub const REBATE_CONTRACT: &str = "600";
    pub const CHANNEL_FRAMEWORK_CONTRACT: &str = "601";
    pub const EARMARKED_CONTRACT: &str = "602";
    pub const OFFLINE_DIRECT_CONTRACT: &str = "603";
    pub const TELESALES_CONTRACT: &str = "604";
    pub const COMMERCIAL_CONTRACT: &str = "605";
    pub const CHANNEL_COMMERCIAL_CONTRACT: &str = "606";
    pub const PARTNER_GRANTED: &str = "607";
    pub const PRICE_ADJUSTMENT: &str = "609";
    pub const FREE_AMOUNT: &str = "610";
    pub const PROMOTION: &str = "700";
    pub const RECHARGE_ACCOUNT: &str = "800";
    pub const PRODUCT: &str = "900";
    pub const BASE_PRICE_FIXED: &str = "901";
    pub const ALL: &[&str] = &[
        "200", "300", "301", "302", "500", "501", "502", "600", "601", "602", "603", "604", "605", "606", "607", "609",
        "610", "700", "800", "900", "901",
    ];
}

/// O1 `method`.
pub mod method {
    /// The customer's own orders (default).
    pub const ONESELF: &str = "oneself";
    /// Orders the customer paid for its enterprise sub-accounts.
    pub const SUB_CUSTOMER: &str = "sub_customer";
    pub const ALL: &[&str] = &[ONESELF, SUB_CUSTOMER];
}

/// O1 `order_by` (case-insensitive on the wire).
pub mod order_by {
    pub const CREATE_TIME: &str = "createTime";
    pub const CREATE_TIME_DESC: &str = "-createTime";
    pub const DEFAULT: &str = CREATE_TIME_DESC;
    pub const ALL: &[&str] = &[CREATE_TIME, CREATE_TIME_DESC];
}

/// O3 resource `status` / `status_list`.
pub mod resource_status {
    pub const IN_USE: i32 = 2;
    pub const CLOSED: i32 = 3;
    pub const FROZEN: i32 = 4;
    pub const EXPIRED: i32 = 5;
    pub const ALL: &[i32] = &[2, 3, 4, 5];
}

/// O3 `expire_policy`: what happens when a yearly/monthly resource expires.
pub mod expire_policy {
    pub const GRACE_PERIOD: i32 = 0;
    pub const TO_PAY_PER_USE: i32 = 1;
    pub const DELETE: i32 = 2;
    pub const AUTO_RENEW: i32 = 3;
    pub const FREEZE: i32 = 4;
    pub const DELETE_AFTER_RETENTION: i32 = 5;
    pub const ALL: &[i32] = &[0, 1, 2, 3, 4, 5];
}

/// O4 pay-per-use resource `status`.
pub mod on_demand_status {
    pub const NORMAL: i32 = 1;
    pub const GRACE_PERIOD: i32 = 2;
    pub const FROZEN: i32 = 3;
    pub const CHANGING: i32 = 4;
    pub const CLOSING: i32 = 5;
    pub const CLOSED: i32 = 6;
    pub const ALL: &[i32] = &[1, 2, 3, 4, 5, 6];
}

/// O3 `only_main_resource`.
pub mod only_main_resource {
    pub const MAIN_AND_ATTACHED: i32 = 0;
    pub const MAIN_ONLY: i32 = 1;
    pub const ALL: &[i32] = &[0, 1];
}

/// Measure ids seen on these endpoints.
pub mod measure {
    /// Amounts: yuan (元).
    pub const YUAN: i32 = 1;
    /// `spec_size_measure_id`: count.
    pub const COUNT: i32 = 14;
    /// `spec_size_measure_id`: Mbit/s (bandwidth).
    pub const MBPS: i32 = 15;
    /// `spec_size_measure_id`: GB (disks, storage).
    pub const GB: i32 = 17;
}

/// A list that may come as `null` (the SDK turns both into "no items").
pub(crate) fn vec_or_null<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|v| !v.is_empty())
}

fn ids(parameter: &str, values: &[String]) -> Result<(), Violation> {
    value_list(parameter, values, MAX_RESOURCE_IDS, MAX_ID_LEN)
}

// ------------------------------------------------------------------------------------------
// O1 ListCustomerOrders
// ------------------------------------------------------------------------------------------

crate::query_params! {
/// O1 query parameters. `None` is omitted from the query string; `Some(0)` and
/// `Some("")` are sent (the server treats an empty value as "not a filter").
#[derive(Serialize, Deserialize)]
pub struct ListCustomerOrdersRequest where empty = absent {
    /// ≤64, case-insensitive exact match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time_begin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time_end: Option<String>,
    /// e.g. `hws.service.type.obs`; case-insensitive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_type_code: Option<String>,
    /// One of [`order_status::FILTERABLE`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<i32>,
    /// A string here (an int in the response): one of [`order_type::FILTER_CODES`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// `createTime` | `-createTime` (default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_time_begin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_time_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_partner_id: Option<String>,
    /// `oneself` (default) | `sub_customer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
}
}

/// The O1 filters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderFilter {
    pub order_id: Option<String>,
    pub customer_id: Option<String>,
    pub create_time_begin: Option<Instant>,
    pub create_time_end: Option<Instant>,
    /// Lower-cased.
    pub service_type_code: Option<String>,
    pub status: Option<i32>,
    pub order_type: Option<i32>,
    pub page: PageRequest,
    pub descending: bool,
    pub payment_time_begin: Option<Instant>,
    pub payment_time_end: Option<Instant>,
    pub indirect_partner_id: Option<String>,
    /// One of [`method`].
    pub method: &'static str,
}

impl ListCustomerOrdersRequest {
    /// Validates every parameter (400 `CBC.0100` naming the first bad one).
    pub fn check(&self) -> Result<OrderFilter, Violation> {
        let order_id = non_empty(&self.order_id);
        max_len("order_id", order_id, MAX_ID_LEN)?;
        let customer_id = non_empty(&self.customer_id);
        max_len("customer_id", customer_id, MAX_ID_LEN)?;
        let (create_time_begin, create_time_end) = time_pair(
            "create_time_begin",
            non_empty(&self.create_time_begin),
            "create_time_end",
            non_empty(&self.create_time_end),
        )?;
        max_span_one_year("create_time_end", "create_time_begin", create_time_begin, create_time_end)?;
        let service_type_code = non_empty(&self.service_type_code);
        max_len("service_type_code", service_type_code, MAX_ID_LEN)?;
        if let Some(s) = self.status {
            int_code("status", s, order_status::FILTERABLE)?;
        }
        let order_type = match non_empty(&self.order_type) {
            None => None,
            Some(t) => {
                one_of("order_type", t.trim(), order_type::FILTER_CODES)?;
                t.trim().parse::<i32>().ok()
            }
        };
        let page = PageRequest::from_raw(self.offset, self.limit)?;
        let descending = match non_empty(&self.order_by) {
            None => true,
            Some(o) if o.eq_ignore_ascii_case(order_by::CREATE_TIME_DESC) => true,
            Some(o) if o.eq_ignore_ascii_case(order_by::CREATE_TIME) => false,
            Some(_) => return Err(Violation::new("order_by", "must be one of createTime, -createTime")),
        };
        let (payment_time_begin, payment_time_end) = time_pair(
            "payment_time_begin",
            non_empty(&self.payment_time_begin),
            "payment_time_end",
            non_empty(&self.payment_time_end),
        )?;
        max_span_one_year("payment_time_end", "payment_time_begin", payment_time_begin, payment_time_end)?;
        let indirect_partner_id = non_empty(&self.indirect_partner_id);
        max_len("indirect_partner_id", indirect_partner_id, MAX_ID_LEN)?;
        let method = match non_empty(&self.method) {
            None => method::ONESELF,
            Some(m) if m == method::ONESELF => method::ONESELF,
            Some(m) if m == method::SUB_CUSTOMER => method::SUB_CUSTOMER,
            Some(_) => return Err(Violation::new("method", "must be one of oneself, sub_customer")),
        };
        Ok(OrderFilter {
            order_id: order_id.map(str::to_string),
            customer_id: customer_id.map(str::to_string),
            create_time_begin,
            create_time_end,
            service_type_code: service_type_code.map(str::to_lowercase),
            status: self.status,
            order_type,
            page,
            descending,
            payment_time_begin,
            payment_time_end,
            indirect_partner_id: indirect_partner_id.map(str::to_string),
            method,
        })
    }
}

/// O1 response.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListCustomerOrdersResponse {
    #[serde(default)]
    pub total_count: Option<u64>,
    #[serde(default, deserialize_with = "vec_or_null")]
    pub order_infos: Vec<CustomerOrderV2>,
}

/// `discounts[]` item of [`AmountInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscountItem {
    /// One of [`discount_type`] (a string).
    pub discount_type: String,
    pub discount_amount: Amount,
}

/// `amount_info` (SDK `AmountInfomationV2`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmountInfo {
    #[serde(default, deserialize_with = "vec_or_null")]
    pub discounts: Vec<DiscountItem>,
    /// Cash coupon (现金券).
    #[serde(default)]
    pub flexipurchase_coupon_amount: Option<Amount>,
    /// Voucher (代金券).
    #[serde(default)]
    pub coupon_amount: Option<Amount>,
    #[serde(default)]
    pub stored_card_amount: Option<Amount>,
    /// Fee (unsubscribe orders only).
    #[serde(default)]
    pub commission_amount: Option<Amount>,
    /// Consumed amount (unsubscribe orders only).
    #[serde(default)]
    pub consumed_amount: Option<Amount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnterpriseProject {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
}

/// `agent_pay_info` (SDK `AgentPayInfoV2`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentPayInfo {
    /// Account id of the partner that paid for the customer.
    #[serde(default)]
    pub paying_agent_id: Option<String>,
    #[serde(default)]
    pub is_agent_pay: Option<bool>,
}

/// One O1 row (SDK `CustomerOrderV2`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerOrderV2 {
    pub order_id: String,
    #[serde(default)]
    pub customer_id: Option<String>,
    #[serde(default)]
    pub service_type_code: Option<String>,
    #[serde(default)]
    pub service_type_name: Option<String>,
    /// One of [`source_type`].
    #[serde(default)]
    pub source_type: Option<i32>,
    /// One of [`order_status`].
    #[serde(default)]
    pub status: Option<i32>,
    /// One of [`order_type`] (an int here).
    #[serde(default)]
    pub order_type: Option<i32>,
    /// Paid price excluding coupons and cards.
    #[serde(default)]
    pub amount_after_discount: Option<Amount>,
    /// List price.
    #[serde(default)]
    pub official_amount: Option<Amount>,
    #[serde(default)]
    pub measure_id: Option<i32>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub create_time: Option<Instant>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub payment_time: Option<Instant>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub contract_id: Option<String>,
    #[serde(default)]
    pub amount_info: Option<AmountInfo>,
    #[serde(default, deserialize_with = "vec_or_null")]
    pub enterprise_projects: Vec<EnterpriseProject>,
    /// The parts of a combined order; empty for a normal order.
    #[serde(default, deserialize_with = "vec_or_null")]
    pub sub_order_infos: Vec<SubCustomerOrderV2>,
    #[serde(default)]
    pub agent_pay_info: Option<AgentPayInfo>,
}

/// A part of a combined O1 order (SDK `SubCustomerOrderV2`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubCustomerOrderV2 {
    pub order_id: String,
    #[serde(default)]
    pub customer_id: Option<String>,
    #[serde(default)]
    pub service_type_code: Option<String>,
    #[serde(default)]
    pub service_type_name: Option<String>,
    #[serde(default)]
    pub source_type: Option<i32>,
    #[serde(default)]
    pub status: Option<i32>,
    #[serde(default)]
    pub order_type: Option<i32>,
    #[serde(default)]
    pub amount_after_discount: Option<Amount>,
    #[serde(default)]
    pub official_amount: Option<Amount>,
    #[serde(default)]
    pub measure_id: Option<i32>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub create_time: Option<Instant>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub payment_time: Option<Instant>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub contract_id: Option<String>,
    #[serde(default)]
    pub amount_info: Option<AmountInfo>,
    #[serde(default, deserialize_with = "vec_or_null")]
    pub enterprise_projects: Vec<EnterpriseProject>,
}

// ------------------------------------------------------------------------------------------
// O2 ShowCustomerOrderDetails
// ------------------------------------------------------------------------------------------

crate::query_params! {
    /// O2 request: the order id goes in the path, paging of the line items in the query,
    /// and the language in the [`LANGUAGE_HEADER`] header.
    #[derive(Serialize, Deserialize)]
    pub struct ShowCustomerOrderDetailsRequest where empty = absent {
        path { pub order_id: String, }
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub limit: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub offset: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub indirect_partner_id: Option<String>,
    }
}

impl ShowCustomerOrderDetailsRequest {
    /// Validates the order id and the paging of the line items.
    pub fn check(&self) -> Result<PageRequest, Violation> {
        required_text("order_id", &self.order_id, MAX_ID_LEN)?;
        let page = PageRequest::from_raw(self.offset, self.limit)?;
        max_len("indirect_partner_id", non_empty(&self.indirect_partner_id), MAX_ID_LEN)?;
        Ok(page)
    }
}

/// The O2 path for an order id (`/` and other specials percent-encoded).
pub fn detail_path(order_id: &str) -> String {
    crate::endpoint::fill_route(DETAIL_ROUTE, &[order_id])
}

/// O2 response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShowCustomerOrderDetailsResponse {
    /// Number of line items (not orders).
    #[serde(default)]
    pub total_count: Option<u64>,
    #[serde(default)]
    pub order_info: Option<CustomerOrderV3>,
    #[serde(default, deserialize_with = "vec_or_null")]
    pub order_line_items: Vec<OrderLineItemEntityV2>,
}

/// O2 `order_info` (SDK `CustomerOrderV3`): the O1 fields without `enterprise_projects`
/// and `agent_pay_info`, plus the creator and the payment deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerOrderV3 {
    pub order_id: String,
    #[serde(default)]
    pub customer_id: Option<String>,
    #[serde(default)]
    pub service_type_code: Option<String>,
    #[serde(default)]
    pub service_type_name: Option<String>,
    #[serde(default)]
    pub source_type: Option<i32>,
    #[serde(default)]
    pub status: Option<i32>,
    #[serde(default)]
    pub order_type: Option<i32>,
    #[serde(default)]
    pub amount_after_discount: Option<Amount>,
    #[serde(default)]
    pub official_amount: Option<Amount>,
    #[serde(default)]
    pub measure_id: Option<i32>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub create_time: Option<Instant>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub payment_time: Option<Instant>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub contract_id: Option<String>,
    #[serde(default)]
    pub amount_info: Option<AmountInfo>,
    /// Who placed the order: the operator's login name, or the localised "operations
    /// staff" / "operations system".
    #[serde(default)]
    pub user_name: Option<String>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub pending_payment_end_time: Option<Instant>,
    #[serde(default, deserialize_with = "vec_or_null")]
    pub sub_order_infos: Vec<SubCustomerOrderV3>,
}

/// A part of a combined O2 order (SDK `SubCustomerOrderV3`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubCustomerOrderV3 {
    pub order_id: String,
    #[serde(default)]
    pub customer_id: Option<String>,
    #[serde(default)]
    pub service_type_code: Option<String>,
    #[serde(default)]
    pub service_type_name: Option<String>,
    #[serde(default)]
    pub source_type: Option<i32>,
    #[serde(default)]
    pub status: Option<i32>,
    #[serde(default)]
    pub order_type: Option<i32>,
    #[serde(default)]
    pub amount_after_discount: Option<Amount>,
    #[serde(default)]
    pub official_amount: Option<Amount>,
    #[serde(default)]
    pub measure_id: Option<i32>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub create_time: Option<Instant>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub payment_time: Option<Instant>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub contract_id: Option<String>,
    #[serde(default)]
    pub amount_info: Option<AmountInfo>,
    #[serde(default)]
    pub user_name: Option<String>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub pending_payment_end_time: Option<Instant>,
}

/// `base_product_info` of a line item (SDK `ProductObject`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductObject {
    #[serde(default)]
    pub product_id: Option<String>,
    #[serde(default)]
    pub product_spec_desc: Option<String>,
    #[serde(default)]
    pub category_code: Option<String>,
    #[serde(default)]
    pub product_owner_service: Option<String>,
    #[serde(default)]
    pub commercial_resource: Option<String>,
}

/// One O2 line item (SDK `OrderLineItemEntityV2`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLineItemEntityV2 {
    pub order_line_item_id: String,
    /// The order (or, in a combined order, the sub-order) the item belongs to.
    #[serde(default)]
    pub order_id: Option<String>,
    #[serde(default)]
    pub service_type_code: Option<String>,
    #[serde(default)]
    pub service_type_name: Option<String>,
    #[serde(default)]
    pub product_id: Option<String>,
    #[serde(default)]
    pub product_spec_desc: Option<String>,
    /// One of [`period_type`].
    #[serde(default)]
    pub period_type: Option<i32>,
    /// null for unsubscribe orders.
    #[serde(default)]
    pub period_num: Option<i32>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub effective_time: Option<Instant>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub expire_time: Option<Instant>,
    #[serde(default)]
    pub subscription_num: Option<i32>,
    #[serde(default)]
    pub amount_after_discount: Option<Amount>,
    #[serde(default)]
    pub official_amount: Option<Amount>,
    #[serde(default)]
    pub amount_info: Option<AmountInfo>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub category_code: Option<String>,
    #[serde(default)]
    pub product_owner_service: Option<String>,
    #[serde(default)]
    pub commercial_resource: Option<String>,
    #[serde(default)]
    pub base_product_info: Option<ProductObject>,
}

// ------------------------------------------------------------------------------------------
// O3 ListPayPerUseCustomerResources (yearly/monthly resources)
// ------------------------------------------------------------------------------------------

/// O3 body (SDK `QueryResourcesReq`). A partner must pass `customer_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryResourcesReq {
    /// ≤50; with `only_main_resource = 0` the attached resources of listed main resources
    /// match too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_ids: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// 0 main and attached (default), 1 main only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_main_resource: Option<i32>,
    /// Any of [`resource_status`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_list: Option<Vec<i32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_time_begin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_time_end: Option<String>,
    /// Must not be empty when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_type_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
}

/// The O3 filters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceFilter {
    pub resource_ids: Vec<String>,
    pub order_id: Option<String>,
    pub main_only: bool,
    pub status_list: Vec<i32>,
    pub page: PageRequest,
    pub expire_time_begin: Option<Instant>,
    pub expire_time_end: Option<Instant>,
    /// Lower-cased.
    pub service_type_code: Option<String>,
    pub customer_id: Option<String>,
}

impl QueryResourcesReq {
    /// Validates the body; `partner_caller` makes `customer_id` required (§8 O3).
    pub fn check(&self, partner_caller: bool) -> Result<ResourceFilter, Violation> {
        let resource_ids = self.resource_ids.clone().unwrap_or_default();
        ids("resource_ids", &resource_ids)?;
        let order_id = non_empty(&self.order_id);
        max_len("order_id", order_id, MAX_ID_LEN)?;
        let only_main = self.only_main_resource.unwrap_or(only_main_resource::MAIN_AND_ATTACHED);
        int_code("only_main_resource", only_main, only_main_resource::ALL)?;
        let status_list = self.status_list.clone().unwrap_or_default();
        status_list.iter().try_for_each(|&s| int_code("status_list", s, resource_status::ALL))?;
        let page = PageRequest::from_raw(self.offset, self.limit)?;
        let (expire_time_begin, expire_time_end) = time_pair(
            "expire_time_begin",
            non_empty(&self.expire_time_begin),
            "expire_time_end",
            non_empty(&self.expire_time_end),
        )?;
        if self.service_type_code.as_deref() == Some("") {
            return Err(Violation::new("service_type_code", "must not be empty"));
        }
        max_len("service_type_code", self.service_type_code.as_deref(), MAX_ID_LEN)?;
        let customer_id = non_empty(&self.customer_id);
        max_len("customer_id", customer_id, MAX_ID_LEN)?;
        if partner_caller && customer_id.is_none() {
            return Err(Violation::new("customer_id", "is required when a partner queries a customer's resources"));
        }
        Ok(ResourceFilter {
            resource_ids,
            order_id: order_id.map(str::to_string),
            main_only: only_main == only_main_resource::MAIN_ONLY,
            status_list,
            page,
            expire_time_begin,
            expire_time_end,
            service_type_code: self.service_type_code.as_deref().map(str::to_lowercase),
            customer_id: customer_id.map(str::to_string),
        })
    }
}

/// O3 response.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListPayPerUseCustomerResourcesResponse {
    #[serde(default, deserialize_with = "vec_or_null")]
    pub data: Vec<OrderInstanceV2>,
    #[serde(default)]
    pub total_count: Option<u64>,
}

/// One yearly/monthly resource (SDK `OrderInstanceV2`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderInstanceV2 {
    /// Internal id of the subscription; `resource_id` is the cloud service's id.
    pub id: String,
    #[serde(default)]
    pub resource_id: Option<String>,
    #[serde(default)]
    pub resource_name: Option<String>,
    #[serde(default)]
    pub region_code: Option<String>,
    #[serde(default)]
    pub service_type_code: Option<String>,
    #[serde(default)]
    pub resource_type_code: Option<String>,
    #[serde(default)]
    pub resource_type_name: Option<String>,
    #[serde(default)]
    pub service_type_name: Option<String>,
    /// VM specs end in `.linux` / `.win`, e.g. `s6.large.2.linux`.
    #[serde(default)]
    pub resource_spec_code: Option<String>,
    #[serde(default)]
    pub project_id: Option<String>,
    #[serde(default)]
    pub product_id: Option<String>,
    #[serde(default)]
    pub parent_resource_id: Option<String>,
    /// 1 main, 0 attached.
    #[serde(default)]
    pub is_main_resource: Option<i32>,
    /// One of [`resource_status`].
    #[serde(default)]
    pub status: Option<i32>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub effective_time: Option<Instant>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub expire_time: Option<Instant>,
    /// One of [`expire_policy`].
    #[serde(default)]
    pub expire_policy: Option<i32>,
    #[serde(default)]
    pub product_spec_desc: Option<String>,
    /// Linear size (e.g. 40 GB): an exact decimal, not money, carried by [`Amount`].
    #[serde(default)]
    pub spec_size: Option<Amount>,
    /// One of [`measure`] (GB 17, Mbit/s 15, count 14).
    #[serde(default)]
    pub spec_size_measure_id: Option<i32>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub update_time: Option<Instant>,
    #[serde(default)]
    pub enterprise_project: Option<EnterpriseProject>,
}

// ------------------------------------------------------------------------------------------
// O4 ListCustomerOnDemandResources
// ------------------------------------------------------------------------------------------

/// O4 body (SDK `QueryCustomerOnDemandResourcesReq`). `customer_id` is required; an
/// absent one reads as `""` and fails [`QueryCustomerOnDemandResourcesReq::check`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryCustomerOnDemandResourcesReq {
    #[serde(default)]
    pub customer_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_type_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_ids: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_time_begin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_time_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// One of [`on_demand_status`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_partner_id: Option<String>,
}

/// The O4 filters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnDemandFilter {
    pub customer_id: String,
    pub region_code: Option<String>,
    /// Lower-cased.
    pub service_type_code: Option<String>,
    pub resource_ids: Vec<String>,
    pub effective_time_begin: Option<Instant>,
    pub effective_time_end: Option<Instant>,
    pub page: PageRequest,
    pub status: Option<i32>,
    pub indirect_partner_id: Option<String>,
}

impl QueryCustomerOnDemandResourcesReq {
    pub fn check(&self) -> Result<OnDemandFilter, Violation> {
        required_text("customer_id", &self.customer_id, MAX_ID_LEN)?;
        let region_code = non_empty(&self.region_code);
        max_len("region_code", region_code, MAX_ID_LEN)?;
        let service_type_code = non_empty(&self.service_type_code);
        max_len("service_type_code", service_type_code, MAX_ID_LEN)?;
        let resource_ids = self.resource_ids.clone().unwrap_or_default();
        ids("resource_ids", &resource_ids)?;
        let (effective_time_begin, effective_time_end) = time_pair(
            "effective_time_begin",
            non_empty(&self.effective_time_begin),
            "effective_time_end",
            non_empty(&self.effective_time_end),
        )?;
        let page = PageRequest::from_raw(self.offset, self.limit)?;
        if let Some(s) = self.status {
            int_code("status", s, on_demand_status::ALL)?;
        }
        let indirect_partner_id = non_empty(&self.indirect_partner_id);
        max_len("indirect_partner_id", indirect_partner_id, MAX_ID_LEN)?;
        Ok(OnDemandFilter {
            customer_id: self.customer_id.clone(),
            region_code: region_code.map(str::to_string),
            service_type_code: service_type_code.map(str::to_lowercase),
            resource_ids,
            effective_time_begin,
            effective_time_end,
            page,
            status: self.status,
            indirect_partner_id: indirect_partner_id.map(str::to_string),
        })
    }
}

/// O4 response.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListCustomerOnDemandResourcesResponse {
    #[serde(default, deserialize_with = "vec_or_null")]
    pub resources: Vec<CustomerOnDemandResource>,
    #[serde(default)]
    pub total_count: Option<u64>,
}

/// One pay-per-use resource (SDK `CustomerOnDemandResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerOnDemandResource {
    #[serde(default)]
    pub customer_id: Option<String>,
    #[serde(default)]
    pub region_code: Option<String>,
    #[serde(default)]
    pub availability_zone_code: Option<String>,
    #[serde(default)]
    pub service_type_code: Option<String>,
    #[serde(default)]
    pub resource_type_code: Option<String>,
    #[serde(default)]
    pub service_type_name: Option<String>,
    #[serde(default)]
    pub resource_type_name: Option<String>,
    pub resource_id: String,
    #[serde(default)]
    pub resource_name: Option<String>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub effective_time: Option<Instant>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub expire_time: Option<Instant>,
    /// One of [`on_demand_status`].
    #[serde(default)]
    pub status: Option<i32>,
    #[serde(default)]
    pub resource_spec_code: Option<String>,
    /// A JSON document in a string, e.g. `{"specSize":40.0}`.
    #[serde(default)]
    pub resource_info: Option<String>,
    #[serde(default)]
    pub product_spec_desc: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::Endpoint;
    use crate::time::to_wire;
    use serde_json::{json, Value};

    #[test]
    fn paths_are_exact() {
        assert_eq!(RESOURCES_PATH, "/v2/orders/suscriptions/resources/query");
        assert_eq!(detail_path("CS2511/20 x"), "/v2/orders/customer-orders/details/CS2511%2F20%20x");
        let r = ShowCustomerOrderDetailsRequest { order_id: "CS1".into(), limit: Some(0), ..Default::default() };
        assert_eq!(r.path_and_query(), "/v2/orders/customer-orders/details/CS1?limit=0");
    }

    #[test]
    fn o1_query_string_per_sdk_conventions() {
        let r = ListCustomerOrdersRequest {
            customer_id: Some("c 1".into()),
            create_time_begin: Some("2026-01-01T00:00:00Z".into()),
            service_type_code: Some("".into()),
            status: Some(5),
            order_type: Some("2".into()),
            offset: Some(0),
            limit: Some(100),
            ..Default::default()
        };
        let q = r.to_query_string();
        assert_eq!(
            q,
            "customer_id=c%201&create_time_begin=2026-01-01T00%3A00%3A00Z&service_type_code=&status=5&\
             order_type=2&limit=100&offset=0"
        );
        assert_eq!(r.path_and_query(), format!("{LIST_PATH}?{q}"));
        assert_eq!(ListCustomerOrdersRequest::default().path_and_query(), LIST_PATH);
        // And back: the empty value reads as "not given".
        let back = ListCustomerOrdersRequest::from_query(Some(&q)).unwrap();
        assert_eq!(back, ListCustomerOrdersRequest { service_type_code: None, ..r });
    }

    #[test]
    fn o1_validation() {
        let ok = |r: ListCustomerOrdersRequest| r.check().unwrap();
        let bad = |r: ListCustomerOrdersRequest| r.check().unwrap_err().parameter;
        let f = ok(ListCustomerOrdersRequest::default());
        assert_eq!((f.page, f.descending, f.method), (PageRequest::default(), true, method::ONESELF));
        assert!(
            !ok(ListCustomerOrdersRequest { order_by: Some("CREATETIME".into()), ..Default::default() }).descending
        );
        assert_eq!(
            bad(ListCustomerOrdersRequest { order_by: Some("updateTime".into()), ..Default::default() }),
            "order_by"
        );
        assert_eq!(bad(ListCustomerOrdersRequest { limit: Some(101), ..Default::default() }), "limit");
        assert_eq!(bad(ListCustomerOrdersRequest { limit: Some(0), ..Default::default() }), "limit");
        assert_eq!(bad(ListCustomerOrdersRequest { offset: Some(-1), ..Default::default() }), "offset");
        assert_eq!(bad(ListCustomerOrdersRequest { status: Some(2), ..Default::default() }), "status");
        assert_eq!(bad(ListCustomerOrdersRequest { order_type: Some("5".into()), ..Default::default() }), "order_type");
        assert_eq!(
            ok(ListCustomerOrdersRequest { order_type: Some("10".into()), ..Default::default() }).order_type,
            Some(10)
        );
        assert_eq!(bad(ListCustomerOrdersRequest { method: Some("all".into()), ..Default::default() }), "method");
        assert_eq!(bad(ListCustomerOrdersRequest { order_id: Some("x".repeat(65)), ..Default::default() }), "order_id");
        assert_eq!(
            bad(ListCustomerOrdersRequest { indirect_partner_id: Some("x".repeat(65)), ..Default::default() }),
            "indirect_partner_id"
        );
        let span = |b: &str, e: &str| ListCustomerOrdersRequest {
            create_time_begin: Some(b.into()),
            create_time_end: Some(e.into()),
            ..Default::default()
        };
        assert!(span("2025-03-01T00:00:00Z", "2026-03-01T00:00:00Z").check().is_ok());
        let e = span("2025-03-01T00:00:00Z", "2026-03-01T00:00:01Z").check().unwrap_err();
        assert_eq!(e.message(), "parameter 'create_time_end' must be at most 1 year after create_time_begin");
        assert_eq!(
            span("2026-03-01T00:00:00Z", "2026-02-01T00:00:00Z").check().unwrap_err().parameter,
            "create_time_begin"
        );
        assert_eq!(span("2026-03-01", "").check().unwrap_err().parameter, "create_time_begin");
        let pay = ListCustomerOrdersRequest {
            payment_time_begin: Some("2024-01-01T00:00:00Z".into()),
            payment_time_end: Some("2026-01-01T00:00:00Z".into()),
            ..Default::default()
        };
        assert_eq!(pay.check().unwrap_err().parameter, "payment_time_end");
        // Empty strings are not filters.
        let empty = ListCustomerOrdersRequest {
            order_id: Some("".into()),
            create_time_end: Some("".into()),
            method: Some("".into()),
            ..Default::default()
        };
        assert_eq!(empty.check().unwrap(), ok(ListCustomerOrdersRequest::default()));
    }

    #[test]
    fn o1_documented_response_parses_and_round_trips() {
        let body = r#"{"total_count":1,"order_infos":[{"order_id":"CS2511201030ABCDE","customer_id":"0a1b",
          "service_type_code":"hws.service.type.ec2","service_type_name":"弹性云服务器","source_type":1,
          "status":5,"order_type":1,"amount_after_discount":1512.00,"official_amount":1680.00,"measure_id":1,
          "create_time":"2025-11-20T10:30:00Z","payment_time":"2025-11-20T10:35:12Z","currency":"CNY",
          "contract_id":null,"amount_info":{"discounts":[{"discount_type":"607","discount_amount":168.00}],
          "flexipurchase_coupon_amount":0.00,"coupon_amount":100.00,"stored_card_amount":0.00,
          "commission_amount":null,"consumed_amount":null},
          "enterprise_projects":[{"id":"0","name":"default"}],"sub_order_infos":null,
          "agent_pay_info":{"paying_agent_id":null,"is_agent_pay":false},"future_field":1}]}"#;
        let r: ListCustomerOrdersResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.total_count, Some(1));
        let o = &r.order_infos[0];
        assert_eq!((o.order_type, o.status), (Some(1), Some(5)));
        assert_eq!(o.amount_after_discount, Amount::parse("1512.00"));
        assert!(o.sub_order_infos.is_empty());
        let info = o.amount_info.as_ref().unwrap();
        assert_eq!(info.discounts[0].discount_type, "607");
        assert_eq!(to_wire(o.payment_time.as_ref().unwrap()), "2025-11-20T10:35:12Z");
        let v: Value = serde_json::to_value(&r).unwrap();
        let row = &v["order_infos"][0];
        assert_eq!(row["official_amount"].to_string(), "1680.00");
        assert!(row["order_type"].is_i64());
        assert_eq!(row["amount_info"]["discounts"][0]["discount_amount"].to_string(), "168.00");
        assert_eq!(row["amount_info"]["discounts"][0]["discount_type"], json!("607"));
        let again: ListCustomerOrdersResponse = serde_json::from_value(v).unwrap();
        assert_eq!(again, r);
    }

    #[test]
    fn o2_documented_response_parses() {
        let body = r#"{"total_count":2,"order_info":{"order_id":"CS1","customer_id":"c","service_type_code":
          "hws.service.type.ec2","service_type_name":"Elastic Cloud Server","source_type":8,"status":6,"order_type":2,
          "amount_after_discount":0.5,"official_amount":1E+2,"measure_id":1,"create_time":"2026-11-18T01:02:03Z",
          "payment_time":null,"currency":"CNY","amount_info":{"discounts":[]},"user_name":"运营系统",
          "pending_payment_end_time":"2026-11-25T01:02:03Z","sub_order_infos":[]},
          "order_line_items":[{"order_line_item_id":"CS1-1","order_id":"CS1","service_type_code":"hws.service.type.ec2",
          "product_id":"OFFI1","product_spec_desc":"s6","period_type":2,"period_num":null,
          "effective_time":"2026-11-18T01:02:03Z","expire_time":"2026-12-18T15:59:59Z","subscription_num":1,
          "amount_after_discount":0.50,"official_amount":100,"currency":"CNY","category_code":"c",
          "base_product_info":{"product_id":"OFFI1","commercial_resource":"hws.resource.type.vm"}}]}"#;
        let r: ShowCustomerOrderDetailsResponse = serde_json::from_str(body).unwrap();
        let info = r.order_info.as_ref().unwrap();
        assert_eq!(info.official_amount.unwrap().grouped(), "100.00");
        assert_eq!(info.user_name.as_deref(), Some("运营系统"));
        assert!(info.payment_time.is_none());
        let item = &r.order_line_items[0];
        assert_eq!((item.period_type, item.period_num), (Some(period_type::MONTH), None));
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["order_line_items"][0]["amount_after_discount"].to_string(), "0.50");
        assert_eq!(v["order_info"]["amount_after_discount"].to_string(), "0.5");
        assert!(v["order_info"].get("enterprise_projects").is_none());
    }

    #[test]
    fn o3_body_validation_and_response() {
        let req: QueryResourcesReq = serde_json::from_str(
            r#"{"customer_id":"c1","resource_ids":["i-1"],"status_list":[2,5],"only_main_resource":1,"limit":50}"#,
        )
        .unwrap();
        let f = req.check(true).unwrap();
        assert!(f.main_only);
        assert_eq!(f.status_list, [2, 5]);
        assert_eq!(
            serde_json::to_string(&QueryResourcesReq { customer_id: Some("c".into()), ..Default::default() }).unwrap(),
            r#"{"customer_id":"c"}"#
        );
        let bad = |r: QueryResourcesReq| r.check(true).unwrap_err().parameter;
        assert_eq!(bad(QueryResourcesReq::default()), "customer_id");
        assert!(QueryResourcesReq::default().check(false).is_ok());
        let c = || Some("c1".to_string());
        let many: Vec<String> = (0..51).map(|i| format!("i-{i}")).collect();
        assert_eq!(
            bad(QueryResourcesReq { customer_id: c(), resource_ids: Some(many), ..Default::default() }),
            "resource_ids"
        );
        assert_eq!(
            bad(QueryResourcesReq { customer_id: c(), status_list: Some(vec![1]), ..Default::default() }),
            "status_list"
        );
        assert_eq!(
            bad(QueryResourcesReq { customer_id: c(), only_main_resource: Some(2), ..Default::default() }),
            "only_main_resource"
        );
        assert_eq!(
            bad(QueryResourcesReq { customer_id: c(), service_type_code: Some("".into()), ..Default::default() }),
            "service_type_code"
        );
        assert_eq!(
            bad(QueryResourcesReq { customer_id: c(), expire_time_end: Some("2026".into()), ..Default::default() }),
            "expire_time_end"
        );

        let body = r#"{"total_count":1,"data":[{"id":"5f2e","resource_id":"i-0a1b2c3d","resource_name":"ecs-web-01",
          "region_code":"cn-north-4","service_type_code":"hws.service.type.ec2","resource_type_code":"hws.resource.type.vm",
          "resource_type_name":"云主机","service_type_name":"弹性云服务器","resource_spec_code":"s6.large.2.linux",
          "project_id":"p","product_id":"OFFI","parent_resource_id":null,"is_main_resource":1,"status":2,
          "effective_time":"2026-01-01T00:00:00Z","expire_time":"2027-01-01T15:59:59Z","expire_policy":3,
          "product_spec_desc":"通用计算型","spec_size":40.0,"spec_size_measure_id":17,"update_time":"2026-01-01T00:00:00Z",
          "enterprise_project":{"id":"0","name":"default"}}]}"#;
        let r: ListPayPerUseCustomerResourcesResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.data[0].expire_policy, Some(expire_policy::AUTO_RENEW));
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["data"][0]["spec_size"].to_string(), "40.0");
        assert!(v["data"][0]["parent_resource_id"].is_null());
    }

    #[test]
    fn o4_body_validation_and_response() {
        let bad = |r: QueryCustomerOnDemandResourcesReq| r.check().unwrap_err().parameter;
        let req: QueryCustomerOnDemandResourcesReq = serde_json::from_str(r#"{"region_code":"cn-north-4"}"#).unwrap();
        assert_eq!(bad(req), "customer_id");
        let c = || "c1".to_string();
        assert_eq!(
            bad(QueryCustomerOnDemandResourcesReq { customer_id: c(), status: Some(7), ..Default::default() }),
            "status"
        );
        let many: Vec<String> = (0..51).map(|i| format!("i-{i}")).collect();
        assert_eq!(
            bad(QueryCustomerOnDemandResourcesReq { customer_id: c(), resource_ids: Some(many), ..Default::default() }),
            "resource_ids"
        );
        let f = QueryCustomerOnDemandResourcesReq {
            customer_id: c(),
            region_code: Some("".into()),
            service_type_code: Some("HWS.SERVICE.TYPE.EC2".into()),
            ..Default::default()
        }
        .check()
        .unwrap();
        assert_eq!((f.region_code, f.service_type_code.as_deref()), (None, Some("hws.service.type.ec2")));
        assert_eq!(
            serde_json::to_string(&QueryCustomerOnDemandResourcesReq { customer_id: c(), ..Default::default() })
                .unwrap(),
            r#"{"customer_id":"c1"}"#
        );

        let body = r#"{"total_count":1,"resources":[{"customer_id":"c1","region_code":"cn-north-4",
          "availability_zone_code":"cn-north-4a","service_type_code":"hws.service.type.ebs",
          "resource_type_code":"hws.resource.type.volume","service_type_name":"云硬盘","resource_type_name":"云硬盘",
          "resource_id":"vol-1","resource_name":"data","effective_time":"2026-01-01T00:00:00Z","expire_time":null,
          "status":1,"resource_spec_code":"SSD","resource_info":"{\"specSize\":40.0}","product_spec_desc":"云硬盘_超高IO|40.0GB"}]}"#;
        let r: ListCustomerOnDemandResourcesResponse = serde_json::from_str(body).unwrap();
        let info: Value = serde_json::from_str(r.resources[0].resource_info.as_deref().unwrap()).unwrap();
        assert_eq!(info["specSize"].to_string(), "40.0");
        assert_eq!(
            serde_json::from_value::<ListCustomerOnDemandResourcesResponse>(serde_json::to_value(&r).unwrap()).unwrap(),
            r
        );
    }

    #[test]
    fn code_lists() {
        assert!(order_status::FILTERABLE.iter().all(|s| order_status::ALL.contains(s)));
        assert_eq!(order_type::FILTER_CODES.len(), order_type::ALL.len());
        assert!(order_type::ALL.iter().zip(order_type::FILTER_CODES).all(|(i, s)| i.to_string() == *s));
        assert_eq!(discount_type::ALL.len(), 21);
        assert!(language::is_english(Some("en_US")) && language::is_english(Some("en-us")));
        assert!(
            !language::is_english(Some("zh_CN")) && !language::is_english(None) && !language::is_english(Some("fr"))
        );
    }
}
