//! Own contract for S12 KooGallery price adjustment (为云商店商品订单调价,
//! docs/contracts/koogallery.md): whether the partner is a 严选 (KooGallery selected) partner,
//! the marketplace (云商店) orders of its customers, changing the price of a pending one, and
//! the records of those changes. No public API exists (PARTNER_API.md §11); the style follows
//! §1. The rules a proposed price must pass are in [`rules`], shared by the sandbox and the app.

pub mod form;
pub mod rules;

use crate::money::Amount;
use crate::time::Instant;
use serde::{Deserialize, Serialize};

pub const SELECTION_PATH: &str = "/v2/partners/koogallery/selection";
pub const ORDERS_PATH: &str = "/v2/partners/koogallery/orders";
pub const PRICE_ADJUST_PATH: &str = "/v2/partners/koogallery/orders/price-adjust";
pub const RECORDS_PATH: &str = "/v2/partners/koogallery/price-adjust-records";

/// Longest id (order, customer) a request may carry.
pub const MAX_ID_LEN: usize = 64;
/// The reason of an adjustment: 1–200 characters once trimmed.
pub const MAX_REASON_LEN: usize = 200;

/// Why a partner is not a 严选 partner ([`Selection::reason_code`]).
pub mod reason {
    /// A China-site reseller or distributor that has not been selected (yet): it may apply;
    /// the contact says whom to ask.
    pub const NOT_SELECTED: &str = "NOT_SELECTED";
    /// An international-site partner: 严选 exists on the China site only.
    pub const INTL_SITE: &str = "INTL_SITE";
    /// A service partner: it does not resell, so it has no orders to price.
    pub const SERVICE_PARTNER: &str = "SERVICE_PARTNER";
    pub const ALL: &[&str] = &[NOT_SELECTED, INTL_SITE, SERVICE_PARTNER];
}

/// The status of a marketplace order (strings, unlike O1's integers).
pub mod status {
    /// 待支付: the only status whose price may change; lapses at `expire_time`.
    pub const PENDING_PAYMENT: &str = "PENDING_PAYMENT";
    /// 已支付.
    pub const PAID: &str = "PAID";
    /// 已取消 (by the customer).
    pub const CANCELLED: &str = "CANCELLED";
    /// 已关闭: closed by the platform, also a pending order whose `expire_time` has passed.
    pub const CLOSED: &str = "CLOSED";
    pub const ALL: &[&str] = &[PENDING_PAYMENT, PAID, CANCELLED, CLOSED];
}

/// The status an order has at `now`: a pending order whose `expire_time` is not after `now`
/// is closed.
pub fn effective_status(status: &str, expire_time: Option<Instant>, now: Instant) -> &str {
    if status == status::PENDING_PAYMENT && expire_time.is_some_and(|t| t <= now) {
        status::CLOSED
    } else {
        status
    }
}

/// `GET /v2/partners/koogallery/selection`: whether the signed-in person's partner is a 严选
/// partner. Every role may read it; the app reads it before anything else of S12.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SelectionRequest;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    pub selected: bool,
    /// When the partner was selected; null when not selected.
    #[serde(default, with = "crate::time::wire_opt")]
    pub since: Option<Instant>,
    /// One of [`reason`] when not selected; null when selected.
    #[serde(default)]
    pub reason_code: Option<String>,
    /// The KooGallery ecosystem contact (云商店生态经理) to ask about joining; null when there
    /// is none (international site, service partners).
    #[serde(default)]
    pub contact: Option<Contact>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub email: String,
}

crate::query_params! {
    /// `GET /v2/partners/koogallery/orders`: marketplace orders of the partner's own customers
    /// the person may see, newest `created_time` first (then `order_id`).
    pub struct ListMarketplaceOrdersRequest {
        /// Exact customer id (≤ 64).
        pub customer_id: Option<String>,
        /// One of [`status`], applied to the effective status (a lapsed pending order is
        /// `CLOSED`). Absent: every status.
        pub status: Option<String>,
        /// Exact order id, case-insensitive (≤ 64).
        pub order_id: Option<String>,
        /// UTC; `created_time >= create_time_begin`.
        pub create_time_begin: Option<String>,
        /// UTC; `created_time < create_time_end`.
        pub create_time_end: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketplaceOrderList {
    pub total_count: u64,
    pub orders: Vec<MarketplaceOrder>,
}

/// One marketplace (云商店) product order of a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketplaceOrder {
    pub order_id: String,
    pub customer_id: String,
    /// The customer's name (C1 `customer`).
    pub customer_name: String,
    /// The product, as the marketplace names it (e.g. `云速建站 标准版`).
    pub product_name: String,
    /// The ISV selling it (商家).
    pub seller_name: String,
    /// The specification bought (规格, e.g. `标准版 | 1年 | 10用户`).
    pub spec_desc: String,
    /// The price before any adjustment (the list price of the spec).
    pub original_amount: Amount,
    /// The current price, after the adjustments so far.
    pub amount: Amount,
    pub currency: String,
    pub measure_id: i32,
    /// One of [`status`]: the effective status (see [`effective_status`]).
    pub status: String,
    #[serde(with = "crate::time::wire")]
    pub created_time: Instant,
    /// When a pending order lapses (待支付截止时间); kept on orders that are no longer pending.
    #[serde(default, with = "crate::time::wire_opt")]
    pub expire_time: Option<Instant>,
    /// How many times the price was changed.
    #[serde(default)]
    pub adjusted_times: u32,
    #[serde(default, with = "crate::time::wire_opt")]
    pub last_adjusted_time: Option<Instant>,
}

/// `POST /v2/partners/koogallery/orders/price-adjust`: change the price of one pending order.
/// Checked by [`rules::check_input`] (400 `CBC.0100` naming the field) and then against the
/// order by [`rules::check_against`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdjustPriceRequest {
    #[serde(default)]
    pub order_id: String,
    /// The new price in yuan: > 0, at most 2 decimals, at most the original price, not the
    /// current price.
    #[serde(default)]
    pub new_amount: Amount,
    /// Why (shown to the customer and in the records): 1–200 characters once trimmed.
    #[serde(default)]
    pub reason: String,
    /// The current price the person saw. When given and the order's price is another one
    /// (someone changed it meanwhile), the change is refused with 409 `CBC.50090006`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_amount: Option<Amount>,
}

/// The answer of a price adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdjustPriceResponse {
    /// The record written ([`PriceAdjustRecord::adjust_id`]).
    pub adjust_id: String,
    pub order_id: String,
    pub old_amount: Amount,
    pub new_amount: Amount,
    pub currency: String,
    pub measure_id: i32,
    #[serde(with = "crate::time::wire")]
    pub operation_time: Instant,
}

crate::query_params! {
    /// `GET /v2/partners/koogallery/price-adjust-records`: the price changes of orders the
    /// person may see, newest `operation_time` first (then `adjust_id`, newest first).
    pub struct ListPriceAdjustRecordsRequest {
        /// Exact order id, case-insensitive (≤ 64).
        pub order_id: Option<String>,
        /// Exact customer id (≤ 64).
        pub customer_id: Option<String>,
        /// UTC; `operation_time >= operation_time_begin`.
        pub operation_time_begin: Option<String>,
        /// UTC; `operation_time < operation_time_end`.
        pub operation_time_end: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceAdjustRecordList {
    pub total_count: u64,
    pub records: Vec<PriceAdjustRecord>,
}

/// One price change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceAdjustRecord {
    pub adjust_id: String,
    pub order_id: String,
    pub customer_id: String,
    pub customer_name: String,
    pub product_name: String,
    pub old_amount: Amount,
    pub new_amount: Amount,
    pub currency: String,
    pub measure_id: i32,
    pub reason: String,
    /// The IAM user name of who changed it (`li.na`).
    pub operator: String,
    /// Their display name (`李娜`).
    pub operator_name: String,
    #[serde(with = "crate::time::wire")]
    pub operation_time: Instant,
}

#[cfg(test)]
mod form_tests;
#[cfg(test)]
mod tests;
