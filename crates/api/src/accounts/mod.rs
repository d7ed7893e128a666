//! Customer funds (调账) — PARTNER_API.md §3 R2 and §4 A1–A5 (China site): the partner's own
//! balances (R2), allocating to a resale customer (A1) and reclaiming from one (A2), the
//! adjustment records (A3), customers' balances (A4) and the partner's account changes (A5).
//! Only resale (代售, `association_type` "2") customers have a partner-funded account.
//!
//! - [`balances`]: R2 and A4 (reads of balances);
//! - [`adjust`]: A1 and A2 (the two writes);
//! - [`records`]: A3 and A5 (the two record lists);
//! - [`batch`]: the pure plan of a batch adjustment (one A1/A2 per row, ambiguous answers
//!   reconciled from A3 before anything is sent again).

pub mod adjust;
pub mod balances;
pub mod batch;
pub mod records;

pub use crate::codes;

/// R2 `GET`.
pub const BALANCES_PATH: &str = "/v2/accounts/partner-accounts/balances";
/// A1 `POST`.
pub const ADJUST_PATH: &str = "/v2/accounts/partner-accounts/adjust-amount";
/// A2 `POST`.
pub const RECLAIM_PATH: &str = "/v2/accounts/partner-accounts/reclaim";
/// A3 `GET` (a v3 path).
pub const ADJUST_RECORDS_PATH: &str = "/v3/accounts/partner-accounts/adjust-records";
/// A4 `POST` (a read).
pub const CUSTOMER_BALANCES_PATH: &str = "/v2/accounts/customer-accounts/balances/batch-query";
/// A5 `GET`.
pub const CHANGE_RECORDS_PATH: &str = "/v2/accounts/partner-accounts/account-change-records";

/// `customer_id`, `indirect_partner_id`: at most 64 characters.
pub const MAX_ID_LEN: usize = 64;
/// A3 `trans_id`: at most 128 characters.
pub const MAX_TRANS_ID_LEN: usize = 128;
/// A4: most customers in one call ([INF]: the doc gives no limit; 100 like every list).
pub const MAX_CUSTOMERS: usize = 100;

/// R2 `account_type`.
pub mod account_type {
    /// 余额: the cash account.
    pub const CASH: i32 = 1;
    /// 信用: the credit account (`credit_amount` is its limit).
    pub const CREDIT: i32 = 2;
    /// 奖励: bonus.
    pub const BONUS: i32 = 5;
    /// 保证金: deposit.
    pub const DEPOSIT: i32 = 7;
    /// 可拨款: allocatable.
    pub const ALLOCATABLE: i32 = 8;
    pub const ALL: &[i32] = &[CASH, CREDIT, BONUS, DEPOSIT, ALLOCATABLE];
}

/// A3 `operation_type` (and A5 `trade_detail_type` of the same operations).
pub mod operation_type {
    /// A1: allocated to a customer (拨款).
    pub const ALLOCATE: &str = "SOURCE_OPERATION_BEADJUST";
    /// A2: reclaimed from a customer (回收).
    pub const RECLAIM: &str = "SOURCE_OPERATION_BERETRIEVE";
    /// Reclaimed because the customer was unbound.
    pub const UNBIND: &str = "SOURCE_OPERATION_BEUNBIND";
    pub const ALL: &[&str] = &[ALLOCATE, RECLAIM, UNBIND];
}

/// A5 `balance_type`.
pub mod balance_type {
    /// The cash account.
    pub const DEBIT: &str = "BALANCE_TYPE_DEBIT";
    /// The credit account.
    pub const CREDIT: &str = "BALANCE_TYPE_CREDIT";
    pub const ALL: &[&str] = &[DEBIT, CREDIT];
}

/// A5 `trade_type` (the vendor's spelling, `DEDEUCT` included).
pub mod trade_type {
    pub const RECHARGE: &str = "RECHARGE";
    /// A payment (O7 balance payment).
    pub const DEDUCT: &str = "DEDEUCT";
    pub const REFUND: &str = "REFUND";
    pub const RFROZEN: &str = "RFROZEN";
    pub const TRANS: &str = "TRANS";
    pub const ADJUST: &str = "ADJUST";
    /// Allocated to a customer (A1).
    pub const BEADJUST: &str = "BEADJUST";
    /// Reclaimed from a customer (A2).
    pub const BERETRIEVE: &str = "BERETRIEVE";
    pub const BEUNBIND: &str = "BEUNBIND";
    pub const BONUSCONVERT: &str = "BONUSCONVERT";
    pub const TRADE_MODE_TRANSFER: &str = "TRADE_MODE_TRANSFER";
    pub const ALL: &[&str] = &[
        RECHARGE,
        DEDUCT,
        REFUND,
        RFROZEN,
        TRANS,
        ADJUST,
        BEADJUST,
        BERETRIEVE,
        BEUNBIND,
        BONUSCONVERT,
        TRADE_MODE_TRANSFER,
    ];
}

/// A5 `trade_detail_type` values the console names (there are ~35, the vendor's typo
/// `OPERAIION` included); the adjustment ones are [`operation_type`]'s.
pub mod trade_detail_type {
    pub use super::operation_type::{ALLOCATE, RECLAIM, UNBIND};
    pub const RECHARGE: &str = "SOURCE_OPERAIION_RECHARGE";
    pub const COUPON_CANCEL: &str = "SOURCE_OPERATION_COUPONCANCEL";
    pub const COUPON_QUOTA_RECLAIM: &str = "SOURCE_OPERATION_COUPON_QUOTA_RECLAIM";
    /// [INF] A balance payment of an order (O7); the real value is not documented.
    pub const PAY_ORDER: &str = "SOURCE_OPERATION_PAYORDER";
}

/// A5 record `type`: income or expense (strings).
pub mod change_direction {
    pub const INCOME: &str = "1";
    pub const EXPENSE: &str = "2";
}
