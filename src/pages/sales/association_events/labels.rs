//! The texts of S13's codes: event types, states, initiators, sources, association types and
//! the refusals of `partner_api::association::rules`.

use crate::i18n::{Locale, Msg, RfTooMany};
use partner_api::association::rules::Refusal;
use partner_api::association::{event_type as et, initiator, source, status as st};

pub fn type_msg(code: &str) -> Msg {
    match code {
        et::PARTNER_UNBIND => Msg::TypePartnerUnbind,
        et::PARTNER_SWITCH_TYPE => Msg::TypePartnerSwitch,
        et::CUSTOMER_UNBIND => Msg::TypeCustomerUnbind,
        _ => Msg::TypeActFor,
    }
}

pub fn status_msg(code: &str) -> Msg {
    match code {
        st::PENDING_CUSTOMER => Msg::StPendingCustomer,
        st::PENDING_PARTNER => Msg::StPendingPartner,
        st::OBJECTED => Msg::StObjected,
        st::COMPLETED => Msg::StCompleted,
        st::AUTHORIZED => Msg::StAuthorized,
        st::REJECTED => Msg::StRejected,
        st::CANCELLED => Msg::StCancelled,
        _ => Msg::Expired,
    }
}

/// The tag class of a state (the shared tag colours): waiting for you, done, refused.
pub fn status_class(code: &str) -> &'static str {
    match code {
        st::PENDING_PARTNER => "tag tag-negotiation",
        st::COMPLETED | st::AUTHORIZED => "tag tag-won",
        st::OBJECTED | st::REJECTED => "tag tag-lost",
        _ => "tag",
    }
}

pub fn initiator_msg(code: &str) -> Msg {
    if code == initiator::CUSTOMER {
        Msg::ColCustomer
    } else {
        Msg::InitPartner
    }
}

pub fn source_msg(code: &str) -> Msg {
    if code == source::RESELLER {
        Msg::SrcReseller
    } else {
        Msg::SrcOwn
    }
}

pub fn association_msg(code: &str) -> Msg {
    match code {
        "1" => Msg::AssocReferral,
        "3" => Msg::AssocReseller,
        _ => Msg::AssocResale,
    }
}

pub fn refusal_text(r: &Refusal, l: Locale) -> String {
    let m = match r {
        Refusal::NotAssociated => Msg::RfNotAssociated,
        Refusal::SameOrUnknownType => Msg::RfSameType,
        Refusal::Pending => Msg::RfPending,
        Refusal::Frozen => Msg::RfFrozen,
        Refusal::ReservedInstances => Msg::RfReservedInstances,
        Refusal::SupportPlan => Msg::RfSupportPlan,
        Refusal::EnterpriseMaster => Msg::RfEnterpriseMaster,
        Refusal::EnterpriseMember => Msg::RfEnterpriseMember,
        Refusal::TooMany { next_allowed } => {
            return RfTooMany { next: &crate::format::date_time(next_allowed) }.text(l);
        }
    };
    m.text(l).to_string()
}

/// The options of a select over codes.
pub fn options(codes: &[&str], msg: fn(&str) -> Msg, l: Locale) -> Vec<(String, String)> {
    codes.iter().map(|c| (c.to_string(), msg(c).text(l).to_string())).collect()
}

/// Why a typed reason cannot be sent (the contract's rule, partner_api::association::rules),
/// in words; decided from the rule's outcome and the input, never from its message text.
pub fn reason_msg(text: &str, required: bool) -> Option<Msg> {
    partner_api::association::rules::check_reason(Some(text), required).err()?;
    Some(if required && text.trim().is_empty() { Msg::AeReasonRequired } else { Msg::AeReasonTooLong })
}
