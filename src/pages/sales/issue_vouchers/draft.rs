//! What the person has typed and picked in the issue form. It outlives the form (which is
//! hidden while a plan is on screen), so "New issue" comes back to the same quota and face value.

use crate::components::table::masked::mask;
use crate::components::table::Mask;
use crate::i18n::{Locale, Msg, VoFaceAboveMax, VoFaceBelowMin};
use leptos::prelude::*;
use partner_api::coupons::CouponQuota;
use partner_api::issuance::form::{self, Choices, FaceProblem, FormProblem, ValidityProblem};
use partner_api::money::AmountProblem;
use partner_api::time::Instant;
use partner_api::Amount;

/// A chosen customer: id, account name, name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub id: String,
    pub account: String,
    pub name: String,
}

pub fn day(t: &Instant) -> String {
    crate::format::date_time(t).chars().take(10).collect()
}

pub fn face_problem_text(p: FaceProblem, currency: &str, l: Locale) -> String {
    match p {
        FaceProblem::Required => Msg::FieldRequired.text(l).to_string(),
        FaceProblem::Amount(AmountProblem::NotANumber) => Msg::VoFaceNotNumber.text(l).to_string(),
        FaceProblem::Amount(AmountProblem::NotPositive) => Msg::VoFaceNotPositive.text(l).to_string(),
        FaceProblem::Amount(AmountProblem::TooManyDecimals) => Msg::VoFaceDecimals.text(l).to_string(),
        FaceProblem::BelowMin(min) => VoFaceBelowMin { min: &min.with_currency(currency) }.text(l),
        FaceProblem::AboveMax(max) => VoFaceAboveMax { max: &max.with_currency(currency) }.text(l),
    }
}

#[derive(Clone, Copy)]
pub struct Draft {
    pub quota_id: RwSignal<String>,
    pub face: RwSignal<String>,
    pub face_touched: RwSignal<bool>,
    pub valid_from: RwSignal<String>,
    pub valid_to: RwSignal<String>,
    pub memo: RwSignal<String>,
    pub advanced: RwSignal<bool>,
    pub services: RwSignal<Vec<String>>,
    pub products: RwSignal<Vec<String>>,
    pub customers: RwSignal<Vec<Chosen>>,
    /// The draft came back from the tab's storage (said above the form until cleared).
    pub restored: RwSignal<bool>,
    /// Off while a plan runs: its customers belong to the plan's own record, not to a draft
    /// a later visit would offer again (a new issue turns it back on).
    pub keeping: RwSignal<bool>,
    /// Customer IDs another page handed over (`storage::take_handed_customers`), checked by
    /// the paste box once the form shows.
    pub handed: StoredValue<Vec<String>>,
}

impl Draft {
    /// `kind`: the quota type shown; `quota`: the quota `quota_id` names, as last read.
    pub fn new(
        kind: RwSignal<i32>,
        quota_id: RwSignal<String>,
        quota: impl Fn() -> Option<CouponQuota> + 'static,
    ) -> Self {
        let d = Draft {
            quota_id,
            face: RwSignal::new(String::new()),
            face_touched: RwSignal::new(false),
            valid_from: RwSignal::new(String::new()),
            valid_to: RwSignal::new(String::new()),
            memo: RwSignal::new(String::new()),
            advanced: RwSignal::new(false),
            services: RwSignal::new(Vec::new()),
            products: RwSignal::new(Vec::new()),
            customers: RwSignal::new(Vec::new()),
            restored: RwSignal::new(false),
            keeping: RwSignal::new(true),
            handed: StoredValue::new(crate::storage::take_handed_customers()),
        };
        // The restored draft's quota keeps the restored validity and scope once.
        let keep_choices = StoredValue::new(None::<String>);
        let restored_kind = StoredValue::new(None::<i32>);
        // A new quota: validity and scope start from the quota's.
        Effect::new(move |_| {
            if let Some(q) = quota() {
                if keep_choices.get_value().as_deref() == Some(q.quota_id.as_str()) {
                    keep_choices.set_value(None);
                    return;
                }
                d.valid_from.set(day(&q.effective_time));
                d.valid_to.set(day(&q.expire_time));
                d.services.set(Vec::new());
                d.products.set(Vec::new());
            }
        });
        // Each type has its own draft in the tab: restored when the type is shown, else the
        // quota starts over.
        Effect::new(move |_| {
            let k = kind.get();
            if restored_kind.get_value() == Some(k) {
                return;
            }
            match super::draft_store::load(k) {
                Some(saved) => {
                    keep_choices.set_value(Some(saved.quota_id.clone()));
                    d.restore(saved);
                    d.restored.set(true);
                }
                None => {
                    d.quota_id.set(String::new());
                    d.restored.set(false);
                }
            }
            restored_kind.set_value(Some(k));
        });
        super::draft_store::keep(d, kind, restored_kind);
        d
    }

    /// Starts the form over (the quota stays chosen).
    pub fn clear(self) {
        self.face.set(String::new());
        self.face_touched.set(false);
        self.memo.set(String::new());
        self.customers.set(Vec::new());
        self.restored.set(false);
    }

    /// After a plan: a new issue keeps the customers who were not issued (failed, refused or
    /// not sent), so they can be issued again without being chosen again; the issued ones go.
    pub fn after_issue(self, issued: &std::collections::HashSet<String>) {
        self.customers.update(|c| c.retain(|c| !issued.contains(&c.id)));
        self.face_touched.set(false);
    }

    /// What is wrong with the typed validity (None: fine), and whether the end is the culprit.
    pub fn validity_problem(self, q: Option<&CouponQuota>) -> Option<(Msg, Option<bool>)> {
        use partner_api::day_input::parse_day;
        let quota_days =
            q.map_or((None, None), |q| (parse_day(&day(&q.effective_time)), parse_day(&day(&q.expire_time))));
        let (from, to) = (self.valid_from.get(), self.valid_to.get());
        form::check_validity(&from, &to, quota_days).err().map(|p| match p {
            ValidityProblem::NotADay(end) => (Msg::DateNotADay, Some(end)),
            ValidityProblem::Reversed => (Msg::DateRangeInvalid, None),
            ValidityProblem::OutsideQuota => (Msg::VoValidityOutside, None),
        })
    }

    pub fn face_error(self, q: Option<&CouponQuota>, l: Locale) -> Option<String> {
        let currency = q.map_or("CNY", |q| q.currency.as_str());
        self.face.with(|f| form::check_face(f, q)).err().map(|p| face_problem_text(p, currency, l))
    }

    pub fn total(self, q: Option<&CouponQuota>) -> Option<Amount> {
        self.face.with(|f| form::total(f, q, self.customers.with(Vec::len)))
    }

    pub fn over_balance(self, q: Option<&CouponQuota>) -> bool {
        self.face.with(|f| form::over_balance(f, q, self.customers.with(Vec::len)))
    }

    pub fn check(self, q: Option<&CouponQuota>) -> Result<Amount, FormProblem> {
        self.face.with_untracked(|f| form::check_form(q, f, self.customers.with_untracked(Vec::len)))
    }

    /// The choices beyond quota and customers; dates only when changed from the quota's own.
    pub fn choices(self, q: &CouponQuota, face_value: Amount) -> Choices {
        let (from_day, to_day) = (self.valid_from.get_untracked(), self.valid_to.get_untracked());
        Choices {
            face_value,
            valid_from: (from_day != day(&q.effective_time))
                .then(|| crate::format::local_day_start_utc(&from_day, 0))
                .flatten(),
            valid_to: (to_day != day(&q.expire_time)).then(|| crate::format::local_day_start_utc(&to_day, 1)).flatten(),
            services: self.services.get_untracked(),
            products: self.products.get_untracked(),
            memo: self.memo.get_untracked(),
        }
    }

    /// Plan items: (customer id, label shown).
    pub fn plan_customers(self) -> Vec<(String, String)> {
        self.customers.with_untracked(|c| {
            c.iter().map(|c| (c.id.clone(), format!("{} ({})", c.name, mask(Mask::Sensitive, &c.account)))).collect()
        })
    }
}
