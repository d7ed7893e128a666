//! `use_profile()`: the one way a page learns who is signed in — partner type, role, resellers,
//! account managers — and what they may do. Every read is reactive (tracked) and answers
//! "no" / empty until the profile has loaded (the shell loads it once per person).

use crate::routes::access::Access;
use leptos::prelude::*;
use partner_api::profile::{partner_type, role, IndirectPartnerRef, Person, Profile};

#[derive(Clone, Copy)]
pub struct CurrentProfile(RwSignal<Option<Profile>>);

pub fn use_profile() -> CurrentProfile {
    CurrentProfile(super::use_auth().profile)
}

// The full set of accessors, some without a caller at the moment.
#[allow(dead_code)]
impl CurrentProfile {
    /// Reads the profile, once it is known.
    pub fn with<R>(&self, f: impl FnOnce(&Profile) -> R) -> Option<R> {
        self.0.with(|p| p.as_ref().map(f))
    }

    fn is(&self, f: impl FnOnce(&Profile) -> bool) -> bool {
        self.with(f).unwrap_or(false)
    }

    pub fn known(&self) -> bool {
        self.0.with(Option::is_some)
    }

    pub fn get(&self) -> Option<Profile> {
        self.0.get()
    }

    pub fn partner_type(&self) -> Option<String> {
        self.with(|p| p.partner_type.clone())
    }

    pub fn role(&self) -> Option<String> {
        self.with(|p| p.role.clone())
    }

    pub fn is_distributor(&self) -> bool {
        self.is(|p| p.partner_type == partner_type::DISTRIBUTOR)
    }

    pub fn is_reseller(&self) -> bool {
        self.is(|p| p.partner_type == partner_type::RESELLER)
    }

    pub fn is_service_partner(&self) -> bool {
        self.is(|p| p.partner_type == partner_type::SERVICE_PARTNER)
    }

    pub fn is_account_manager(&self) -> bool {
        self.is(|p| p.role == role::ACCOUNT_MANAGER)
    }

    /// ADMIN or SUPERVISOR: those who change things (imports, rollbacks) rather than read.
    pub fn is_manager(&self) -> bool {
        self.is(|p| p.role == role::ADMIN || p.role == role::SUPERVISOR)
    }

    /// Whether a registry rule lets this person open a page.
    pub fn may(&self, access: &Access) -> bool {
        self.is(|p| access.allows(p))
    }

    /// Q1/Q2: issue and reclaim reseller quotas (the contract's rule).
    pub fn may_manage_reseller_quotas(&self) -> bool {
        self.is(Profile::may_manage_reseller_quotas)
    }

    /// Whether naming a reseller can give rows (customers, orders): a distributor's admin only;
    /// everyone else gets no reseller filter (the API would answer every choice with nothing).
    pub fn sees_reseller_customers(&self) -> bool {
        self.is(Profile::sees_reseller_customers)
    }

    /// The tier-2 resellers (distributors only).
    pub fn resellers(&self) -> Vec<IndirectPartnerRef> {
        self.with(|p| p.indirect_partners.clone()).unwrap_or_default()
    }

    /// The account managers this person may filter by (self for an account manager).
    pub fn account_managers(&self) -> Vec<Person> {
        self.with(|p| p.account_managers.clone()).unwrap_or_default()
    }

    /// The profile once it has loaded (at once if it has): for a route deciding whether the
    /// person may open it. None if the wait was given up (the route was left).
    pub async fn loaded(self) -> Option<Profile> {
        if let Some(p) = self.0.get_untracked() {
            return Some(p);
        }
        let (tx, rx) = futures::channel::oneshot::channel::<()>();
        let mut tx = Some(tx);
        let signal = self.0;
        let watch = Effect::watch(
            move || signal.with(Option::is_some),
            move |known, _, _| {
                if *known {
                    if let Some(tx) = tx.take() {
                        let _ = tx.send(());
                    }
                }
            },
            true,
        );
        let fired = rx.await;
        watch.stop();
        fired.ok().and_then(|()| self.0.get_untracked())
    }
}
