//! Labels of the quota and operation-record codes (PARTNER_API.md §6–§7) shared by the quota,
//! voucher and operation-record pages, and of whether a quota can be used now.

use crate::i18n::{Locale, Msg, QtStartsOn, VoQuotaStartsOn};
use leptos::prelude::*;
use partner_api::coupons::{operation_type as coupon_op, quota_status, quota_type, result, Usability};
use partner_api::quotas::operation_type as quota_op;
use partner_api::time::Instant;

/// Why a quota cannot be used now, in words (the rule is `Usability::of`), with the day a
/// quota not yet in effect starts; `None` when it can be used.
pub fn usability_text(u: Usability, effective: &Instant, l: Locale) -> Option<String> {
    let m = match u {
        Usability::Usable => return None,
        Usability::NotYetEffective => return Some(VoQuotaStartsOn { date: &crate::format::date(effective) }.text(l)),
        Usability::Status(quota_status::ADJUSTING) => Msg::VoQuotaAdjusting,
        Usability::Status(quota_status::FROZEN) => Msg::VoQuotaFrozen,
        Usability::Status(quota_status::RECLAIMED) => Msg::VoQuotaReclaimed,
        Usability::Status(_) | Usability::Expired => Msg::VoQuotaInvalid,
        Usability::Empty => Msg::VoQuotaEmpty,
    };
    Some(m.text(l).to_string())
}

pub fn status_msg(s: i32) -> Msg {
    match s {
        quota_status::NORMAL => Msg::QtStatusNormal,
        quota_status::INVALID => Msg::QtStatusInvalid,
        quota_status::ADJUSTING => Msg::QtStatusAdjusting,
        quota_status::FROZEN => Msg::Frozen,
        _ => Msg::Reclaimed,
    }
}

/// A quota status as a tag (`data-status` keeps the code for tests and styling).
pub fn status_tag(s: i32, l: Locale) -> AnyView {
    view! {
        <span class=format!("tag quota-status-{s}") data-testid="quota-status" data-status=s.to_string()>{status_msg(s).text(l)}</span>
    }
    .into_any()
}

/// A quota's state in a list: its status, except that a normal quota whose validity has not
/// begun is "not yet in effect", with the day it starts (the text sorts and exports with it).
pub fn state_text(status: i32, u: Usability, effective: &Instant, l: Locale) -> String {
    match u {
        Usability::NotYetEffective => format!(
            "{} ({})",
            Msg::QtStatusNotYetEffective.text(l),
            QtStartsOn { date: &crate::format::date(effective) }.text(l)
        ),
        _ => status_msg(status).text(l).to_string(),
    }
}

/// [`state_text`] as a tag: a quota not yet in effect says so, its start day in the tag's
/// title (and in the list's own "effective" column, which stays narrow this way).
pub fn state_tag(status: i32, u: Usability, effective: &Instant, l: Locale) -> AnyView {
    if u != Usability::NotYetEffective {
        return status_tag(status, l);
    }
    let starts = QtStartsOn { date: &crate::format::date(effective) }.text(l);
    view! {
        <span class="tag quota-status-pending" data-testid="quota-status" data-status=status.to_string() data-pending="true" title=starts>
            {Msg::QtStatusNotYetEffective.text(l)}
        </span>
    }
    .into_any()
}

pub fn type_msg(t: i32) -> Msg {
    if t == quota_type::CASH {
        Msg::QtTypeCash
    } else {
        Msg::QtTypeVoucher
    }
}

/// The quota type in a column headed 额度类型 / Quota type: 代金券 / Voucher, 现金券 / Cash coupon.
pub fn type_short_msg(t: i32) -> Msg {
    if t == quota_type::CASH {
        Msg::VoTypeCash
    } else {
        Msg::VoTypeVoucher
    }
}

/// Q4 `operation_type` ("10", "11") and V5 `operation_type` ("1".."9").
pub fn operation_msg(code: &str) -> Option<Msg> {
    Some(match code {
        quota_op::ISSUE_QUOTA => Msg::QtOpIssueQuota,
        quota_op::RECLAIM_QUOTA => Msg::QtOpReclaimQuota,
        coupon_op::ISSUE => Msg::Issue,
        coupon_op::MANUAL_RECLAIM => Msg::QtOpManualReclaim,
        coupon_op::UNBIND_RECLAIM => Msg::QtOpUnbindReclaim,
        coupon_op::EXPIRY_RECLAIM => Msg::QtOpExpiryReclaim,
        coupon_op::UNSUBSCRIBE_RECLAIM => Msg::QtOpUnsubscribeReclaim,
        coupon_op::REFUND_REVOKE => Msg::QtOpRefundRevoke,
        coupon_op::ASSOCIATION_RECLAIM => Msg::QtOpAssociationReclaim,
        coupon_op::MODE_SWITCH_RECLAIM => Msg::QtOpModeSwitchReclaim,
        coupon_op::RESELLER_TRANSFER => Msg::QtOpResellerTransfer,
        _ => return None,
    })
}

pub fn operation_text(code: &str, l: Locale) -> String {
    operation_msg(code).map_or_else(|| code.to_string(), |m| m.text(l).to_string())
}

pub fn result_text(code: &str, l: Locale) -> String {
    match code {
        result::SUCCESS => Msg::QtResultOk.text(l).to_string(),
        result::FAILURE => Msg::Failed.text(l).to_string(),
        other => other.to_string(),
    }
}
