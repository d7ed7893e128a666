//! S11's codes in words: A3 operation types (also A5 detail types) and A5 trade types; an
//! unknown code is shown as it came.

use crate::i18n::{Locale, Msg};
use partner_api::accounts::{operation_type, trade_detail_type as d, trade_type as t};

/// An A3 `operation_type` in words (an unknown one as it came).
pub fn operation_text(code: &str, l: Locale) -> String {
    match code {
        operation_type::ALLOCATE => Msg::FdOpAllocate.text(l).to_string(),
        operation_type::RECLAIM => Msg::FdOpReclaim.text(l).to_string(),
        operation_type::UNBIND => Msg::FdOpUnbind.text(l).to_string(),
        other => other.to_string(),
    }
}

/// An A5 `trade_type` in words.
pub fn trade_text(code: &str, l: Locale) -> String {
    let m = match code {
        t::RECHARGE => Msg::FdTradeRecharge,
        t::DEDUCT => Msg::FdTradeDeduct,
        t::REFUND => Msg::FdTradeRefund,
        t::RFROZEN => Msg::FdTradeFrozen,
        t::TRANS => Msg::FdTradeTransfer,
        t::ADJUST => Msg::FdTradeAdjust,
        t::BEADJUST => Msg::FdTradeBeadjust,
        t::BERETRIEVE => Msg::FdTradeBeretrieve,
        t::BEUNBIND => Msg::FdOpUnbind,
        t::BONUSCONVERT => Msg::FdTradeBonus,
        t::TRADE_MODE_TRANSFER => Msg::FdTradeModeTransfer,
        other => return other.to_string(),
    };
    m.text(l).to_string()
}

/// An A5 `trade_detail_type` in words: the adjustments, top-ups and balance payments; the ~30
/// others as the vendor spells them.
pub fn detail_text(code: &str, l: Locale) -> String {
    match code {
        d::RECHARGE => Msg::FdTradeRecharge.text(l).to_string(),
        d::PAY_ORDER => Msg::FdTradeDeduct.text(l).to_string(),
        d::COUPON_CANCEL => Msg::FdDetailCouponCancel.text(l).to_string(),
        d::COUPON_QUOTA_RECLAIM => Msg::FdDetailQuotaReclaim.text(l).to_string(),
        other => operation_text(other, l),
    }
}
