//! S4 发放代金券 and S7 现金券: pick a quota, a face value and whitelisted customers, then
//! issue through [`partner_api::issuance::Plan`] so that nobody is ever issued twice: the plan
//! is saved before every call and after every answer, an ambiguous batch is reconciled from
//! the V5 records before anything else is sent, and an unfinished plan found on opening the
//! page is resumed by reconciling.

mod paste;

use crate::api::{use_api, use_auth, Api};
use crate::components::error_notice::ErrorNotice;
use crate::components::remote::use_remote;
use crate::i18n::{error_text, tr, use_i18n, Locale, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use partner_api::coupons::{
    find_limit, limit_key, operation_type, quota_status, quota_type, CouponQuota, CouponRecord,
    CreatePartnerCouponsRequest, CreatePartnerCouponsResponse, ListPartnerCouponsRecordRequest,
    ListPartnerCouponsRecordResponse, ListQuotaCouponsRequest, ListQuotaCouponsResponse, ReclaimPartnerCouponsRequest,
    PARTNER_COUPONS_PATH, QUOTAS_QUERY_PATH, RECLAIM_PATH, RECORDS_PATH,
};
use partner_api::issuance::{ItemState, Next, Plan, Tally};
use partner_api::money::{parse_input_amount, AmountProblem};
use partner_api::profile::partner_type;
use partner_api::time::{to_wire, Instant};
use partner_api::whitelist::{EntriesQuery, Entry, EntryList, ENTRIES_PATH};
use partner_api::{Amount, ApiError};

use crate::routes::ISSUE_VOUCHERS as PATH;
const PLAN_PREFIX: &str = "pc.issuance.";
const DIALOG_PAGE: i64 = 10;

/// A chosen customer: id, account name, name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub id: String,
    pub account: String,
    pub name: String,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn save_plan(plan: &Plan) {
    if let (Some(s), Ok(json)) = (local(), serde_json::to_string(plan)) {
        let _ = s.set_item(&format!("{PLAN_PREFIX}{}", plan.plan_id), &json);
    }
}

fn forget_plan(plan_id: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(&format!("{PLAN_PREFIX}{plan_id}"));
    }
}

fn unfinished(t: &Tally) -> bool {
    t.pending + t.sending + t.unknown > 0
}

/// Saved plans that still have customers to issue or reconcile.
fn saved_unfinished_plans() -> Vec<Plan> {
    let Some(s) = local() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    let mut plans = Vec::new();
    for i in 0..n {
        let Some(key) = s.key(i).ok().flatten() else { continue };
        if !key.starts_with(PLAN_PREFIX) {
            continue;
        }
        if let Some(plan) = s.get_item(&key).ok().flatten().and_then(|j| serde_json::from_str::<Plan>(&j).ok()) {
            if unfinished(&plan.tally()) {
                plans.push(plan);
            }
        }
    }
    plans
}

fn new_plan_id() -> String {
    let r = (js_sys::Math::random() * 1e9) as u64;
    format!("{}-{r}", js_sys::Date::now() as u64)
}

/// The V2 error code text in the user's language, else the server's message.
fn reason_text(code: &str, message: &str, l: Locale) -> String {
    error_text(code, l).map(str::to_string).unwrap_or_else(|| message.to_string())
}

fn quota_status_msg(status: i32) -> Msg {
    match status {
        quota_status::NORMAL => Msg::VoQuotaNormal,
        quota_status::INVALID => Msg::VoQuotaInvalid,
        quota_status::ADJUSTING => Msg::VoQuotaAdjusting,
        quota_status::FROZEN => Msg::VoQuotaFrozen,
        _ => Msg::VoQuotaReclaimed,
    }
}

/// Why a quota cannot issue now, if it cannot.
fn why_not_usable(q: &CouponQuota, now: Instant) -> Option<Msg> {
    if q.quota_status != quota_status::NORMAL {
        return Some(quota_status_msg(q.quota_status));
    }
    if now < q.effective_time {
        return Some(Msg::VoQuotaNotYetEffective);
    }
    if now >= q.expire_time {
        return Some(Msg::VoQuotaInvalid);
    }
    if !q.balance.is_positive() {
        return Some(Msg::VoQuotaEmpty);
    }
    None
}

fn limit_amount(q: &CouponQuota, key: &str) -> Option<Amount> {
    find_limit(&q.limit_infos, key).and_then(|l| l.first_value()).and_then(Amount::parse)
}

fn limit_list(q: &CouponQuota, key: &str) -> Vec<String> {
    find_limit(&q.limit_infos, key).map(|l| l.list()).unwrap_or_default()
}

fn day(t: &Instant) -> String {
    crate::format::date_time(t).chars().take(10).collect()
}

/// The face value as typed, checked against the quota's bounds.
fn check_face(text: &str, q: Option<&CouponQuota>, l: Locale) -> Result<Amount, String> {
    if text.trim().is_empty() {
        return Err(Msg::FieldRequired.text(l).to_string());
    }
    let a = parse_input_amount(text).map_err(|p| {
        match p {
            AmountProblem::NotANumber => Msg::VoFaceNotNumber,
            AmountProblem::NotPositive => Msg::VoFaceNotPositive,
            AmountProblem::TooManyDecimals => Msg::VoFaceDecimals,
        }
        .text(l)
        .to_string()
    })?;
    if let Some(q) = q {
        if let Some(min) = limit_amount(q, limit_key::MIN_FACE_VALUE) {
            if a < min {
                return Err(Msg::VoFaceBelowMin.text(l).replace("{n}", &min.with_currency(&q.currency)));
            }
        }
        if let Some(max) = limit_amount(q, limit_key::MAX_FACE_VALUE) {
            if a > max {
                return Err(Msg::VoFaceAboveMax.text(l).replace("{n}", &max.with_currency(&q.currency)));
            }
        }
    }
    Ok(a)
}

/// Reads every V5 issue record of the quota since `since` (all pages).
async fn issue_records_since(api: &Api, quota_id: &str, since: Instant) -> Result<Vec<CouponRecord>, ApiError> {
    let mut out = Vec::new();
    let mut offset = 0i64;
    loop {
        let req = ListPartnerCouponsRecordRequest {
            operation_types: vec![operation_type::ISSUE.to_string()],
            quota_id: Some(quota_id.to_string()),
            operation_time_begin: Some(to_wire(&since)),
            offset: Some(offset),
            limit: Some(100),
            ..Default::default()
        };
        let r: ListPartnerCouponsRecordResponse = api.get(&req.url(RECORDS_PATH)).await?;
        let n = r.records.len() as i64;
        out.extend(r.records);
        offset += n;
        let total = r.total_count.unwrap_or(0) as i64;
        if n == 0 || offset >= total {
            return Ok(out);
        }
    }
}

/// The V5 issue records of these coupons (at most 100): their server times raise the plan's
/// floor before an ambiguous batch is reconciled.
async fn records_of_coupons(api: &Api, coupon_ids: &[String]) -> Result<Vec<CouponRecord>, ApiError> {
    let req = ListPartnerCouponsRecordRequest {
        operation_types: vec![operation_type::ISSUE.to_string()],
        coupon_ids: coupon_ids.to_vec(),
        offset: Some(0),
        limit: Some(100),
        ..Default::default()
    };
    let r: ListPartnerCouponsRecordResponse = api.get(&req.url(RECORDS_PATH)).await?;
    Ok(r.records)
}

/// Runs the plan until it is finished or a read needed to go on fails. The plan is saved
/// before every call and after every answer.
async fn run_plan(
    api: Api,
    plan: RwSignal<Option<Plan>>,
    running: RwSignal<bool>,
    stopped: RwSignal<Option<ApiError>>,
) {
    running.try_set(true);
    stopped.try_set(None);
    while let Some(mut p) = plan.try_get_untracked().flatten() {
        // What comes next (a dry run: the plan is only changed once the call can be made).
        let mut probe = p.clone();
        match probe.next(Instant::default()) {
            Next::Finished => {
                save_plan(&p);
                if !unfinished(&p.tally()) {
                    forget_plan(&p.plan_id);
                }
                break;
            }
            Next::Reconcile { batch, anchor } => {
                // Server time of the last settled batch first (records are compared in server
                // time only, see partner_api::issuance), then the records since then.
                if !anchor.is_empty() {
                    match records_of_coupons(&api, &anchor).await {
                        Ok(records) => {
                            p.raise_floor(batch, &records);
                            save_plan(&p);
                        }
                        Err(e) => {
                            stopped.try_set(Some(e));
                            break;
                        }
                    }
                }
                match issue_records_since(&api, &p.template.quota_id, p.floor).await {
                    Ok(records) => {
                        p.reconcile(batch, &records);
                        save_plan(&p);
                        plan.try_set(Some(p));
                    }
                    Err(e) => {
                        stopped.try_set(Some(e));
                        break;
                    }
                }
            }
            Next::Send { .. } => {
                // The browser's time is only kept for the record; reconciliation uses the
                // server's clock (the plan's floor).
                let Next::Send { batch, request } = p.next(crate::format::now()) else { break };
                save_plan(&p);
                plan.try_set(Some(p.clone()));
                let answer = api.command::<_, CreatePartnerCouponsResponse>(PARTNER_COUPONS_PATH, &request).await;
                match answer {
                    Ok(a) => p.settle(batch, &a),
                    Err(e) => p.fail(batch, &e),
                }
                save_plan(&p);
                plan.try_set(Some(p));
            }
        }
    }
    running.try_set(false);
}

#[component]
pub fn IssueVouchersPage() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let i18n = use_i18n();
    let query = use_query_map();
    let service_partner = Memo::new(move |_| {
        auth.profile.with(|p| p.as_ref().is_some_and(|p| p.partner_type == partner_type::SERVICE_PARTNER))
    });

    // Voucher (quota type 0) or cash coupon (quota type 1): `?type=cash`.
    let kind = RwSignal::new(quota_type::VOUCHER);
    Effect::new(move |_| {
        let cash = query.with(|q| q.get("type").as_deref() == Some("cash"));
        kind.set(if cash { quota_type::CASH } else { quota_type::VOUCHER });
    });

    let api_q = api.clone();
    let quotas = use_remote(move || {
        let t = kind.get();
        let api = api_q.clone();
        async move {
            let req = ListQuotaCouponsRequest {
                quota_type: Some(t),
                offset: Some(0),
                limit: Some(100),
                ..Default::default()
            };
            api.query::<_, ListQuotaCouponsResponse>(QUOTAS_QUERY_PATH, &req).await
        }
    });

    let quota_id = RwSignal::new(String::new());
    let face = RwSignal::new(String::new());
    let face_touched = RwSignal::new(false);
    let valid_from = RwSignal::new(String::new());
    let valid_to = RwSignal::new(String::new());
    let memo = RwSignal::new(String::new());
    let advanced = RwSignal::new(false);
    let services = RwSignal::new(Vec::<String>::new());
    let products = RwSignal::new(Vec::<String>::new());
    let customers = RwSignal::new(Vec::<Chosen>::new());
    let dialog_open = RwSignal::new(false);
    let submitted = RwSignal::new(false);

    let quota = Memo::new(move |_| {
        let id = quota_id.get();
        quotas.data.with(|d| d.as_ref().and_then(|d| d.quotas.iter().find(|q| q.quota_id == id).cloned()))
    });
    // A new quota: validity and scope start from the quota's.
    Effect::new(move |_| {
        if let Some(q) = quota.get() {
            valid_from.set(day(&q.effective_time));
            valid_to.set(day(&q.expire_time));
            services.set(Vec::new());
            products.set(Vec::new());
        }
    });
    // Switching type starts over.
    Effect::new(move |_| {
        kind.track();
        quota_id.set(String::new());
    });

    let face_error = Memo::new(move |_| {
        let l = i18n.get();
        let text = face.get();
        quota.with(|q| check_face(&text, q.as_ref(), l)).err()
    });
    let total = Memo::new(move |_| {
        let n = customers.with(Vec::len);
        Amount::parse(&face.get())
            .filter(|_| face_error.get().is_none())
            .map(|a| Amount(a.0 * rust_decimal::Decimal::from(n as u64)))
    });
    let over_balance = Memo::new(move |_| match (total.get(), quota.get()) {
        (Some(t), Some(q)) => t > q.balance,
        _ => false,
    });

    // The plan being issued (or resumed) and its progress.
    let plan = RwSignal::new(None::<Plan>);
    let running = RwSignal::new(false);
    let stopped = RwSignal::new(None::<ApiError>);
    let form_error = RwSignal::new(None::<Msg>);
    let found = RwSignal::new(saved_unfinished_plans());

    let start = {
        let api = api.clone();
        Callback::new(move |p: Plan| {
            save_plan(&p);
            plan.set(Some(p));
            let api = api.clone();
            spawn_local(async move {
                run_plan(api, plan, running, stopped).await;
                quotas.reload();
            });
        })
    };
    let start_submit = start;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        face_touched.set(true);
        form_error.set(None);
        let Some(q) = quota.get_untracked() else {
            form_error.set(Some(Msg::VoPickQuota));
            return;
        };
        if face_error.get_untracked().is_some() {
            return;
        }
        if customers.with_untracked(Vec::is_empty) {
            form_error.set(Some(Msg::VoPickCustomers));
            return;
        }
        if over_balance.get_untracked() {
            form_error.set(Some(Msg::VoOverBalance));
            return;
        }
        let Ok(face_value) = Amount::parse(&face.get_untracked()).ok_or(()) else { return };
        // Dates only when changed from the quota's own window (inside it).
        let from_day = valid_from.get_untracked();
        let to_day = valid_to.get_untracked();
        let valid_time = (from_day != day(&q.effective_time))
            .then(|| crate::format::local_day_start_utc(&from_day, 0))
            .flatten()
            .map(|t| to_wire(&t.max(q.effective_time)));
        let expire_time = (to_day != day(&q.expire_time))
            .then(|| crate::format::local_day_start_utc(&to_day, 1))
            .flatten()
            .map(|t| to_wire(&t.min(q.expire_time)));
        let template = CreatePartnerCouponsRequest {
            quota_id: q.quota_id.clone(),
            customer_ids: Vec::new(),
            face_value,
            valid_time,
            expire_time,
            cloud_service_types: services.get_untracked(),
            product_ids: products.get_untracked(),
            memo: Some(memo.get_untracked().trim().to_string()).filter(|m| !m.is_empty()),
            indirect_partner_id: None,
        };
        let list = customers.with_untracked(|c| {
            c.iter().map(|c| (c.id.clone(), format!("{} ({})", c.name, c.account))).collect::<Vec<_>>()
        });
        // The quota's last change (server clock) is the floor of this plan's records.
        start_submit.run(Plan::new(new_plan_id(), template, q.quota_type, list, q.last_update_time));
    };

    let start_resume = start;
    let resume = Callback::new(move |mut p: Plan| {
        found.update(|f| f.retain(|x| x.plan_id != p.plan_id));
        p.resume();
        start_resume.run(p);
    });
    let start_retry = start;
    let retry_failed = move |_| {
        if let Some(mut p) = plan.get_untracked() {
            p.retry_failed();
            start_retry.run(p);
        }
    };
    let start_continue = start;
    let continue_plan = move |_| {
        if let Some(p) = plan.get_untracked() {
            start_continue.run(p);
        }
    };
    // Extra coupons: looked for on request (all issue records since the plan began) and
    // reclaimed one by one by a person (V4), never automatically.
    let checking = RwSignal::new(false);
    let check_result = RwSignal::new(None::<Result<usize, ApiError>>);
    let api_check = api.clone();
    let check_duplicates = Callback::new(move |_: ()| {
        let Some(p) = plan.get_untracked() else { return };
        let api = api_check.clone();
        checking.set(true);
        check_result.set(None);
        spawn_local(async move {
            let r = issue_records_since(&api, &p.template.quota_id, p.start_floor).await;
            let out = r.map(|records| {
                let mut n = 0;
                plan.try_update(|cur| {
                    if let Some(cur) = cur.as_mut() {
                        n = cur.find_extra(&records);
                        save_plan(cur);
                    }
                });
                plan.try_with_untracked(|p| p.as_ref().map(Plan::extra_outstanding)).flatten().unwrap_or(n)
            });
            check_result.try_set(Some(out));
            checking.try_set(false);
        });
    });
    let extra_error = RwSignal::new(None::<ApiError>);
    let api_extra = api.clone();
    let reclaim_extra = Callback::new(move |coupon_id: String| {
        let api = api_extra.clone();
        extra_error.set(None);
        spawn_local(async move {
            let req = ReclaimPartnerCouponsRequest { coupon_id: coupon_id.clone(), indirect_partner_id: None };
            let r = api.command::<_, serde_json::Value>(RECLAIM_PATH, &req).await;
            // CBC.99000048: already reclaimed or expired, nothing is left to take back.
            match r {
                Err(e) if e.code != "CBC.99000048" => {
                    extra_error.try_set(Some(e));
                }
                _ => {
                    plan.try_update(|cur| {
                        if let Some(cur) = cur.as_mut() {
                            cur.extra_reclaimed(&coupon_id);
                            save_plan(cur);
                        }
                    });
                    quotas.reload();
                }
            }
        });
    });
    let new_issue = move |_| {
        plan.set(None);
        stopped.set(None);
        check_result.set(None);
        customers.set(Vec::new());
        submitted.set(false);
        face_touched.set(false);
    };

    // Only a plan appearing or going away switches between the form and the progress card
    // (a closure reading the plan itself would rebuild the card on every batch).
    let has_plan = Memo::new(move |_| plan.with(Option::is_some));
    let title =
        move || if kind.get() == quota_type::CASH { Msg::VoCashTitle } else { Msg::VoIssueTitle }.text(i18n.get());
    let switch_href = move |cash: bool| crate::routes::href(&format!("{PATH}{}", if cash { "?type=cash" } else { "" }));

    view! {
        <section class="page" data-testid="page-issue-vouchers">
            <h1 class="page-title">{title}</h1>
            <Show when=move || !service_partner.get() fallback=move || view! {
                <div class="notice notice-info" data-testid="not-for-service-partner">{tr(Msg::VoNotForServicePartner)}</div>
            }>
            <nav class="type-switch" aria-label=move || Msg::VoType.text(i18n.get())>
                <a href=move || switch_href(false) class=move || if kind.get() == quota_type::VOUCHER { "button primary" } else { "button" } data-testid="type-voucher">{tr(Msg::VoTypeVoucher)}</a>
                <a href=move || switch_href(true) class=move || if kind.get() == quota_type::CASH { "button primary" } else { "button" } data-testid="type-cash">{tr(Msg::VoTypeCash)}</a>
                <a class="link-button" href=crate::routes::href(crate::routes::VOUCHERS) data-testid="link-reclaim">{tr(Msg::VoReclaimTitle)}</a>
            </nav>
            <p class="page-intro">{tr(Msg::VoIssueIntro)}</p>

            // Unfinished plans saved by an earlier visit: resume by reconciling, never by resending.
            {move || found.get().into_iter().map(|p| {
                let t = p.tally();
                let text = Msg::VoResumeFound.text(i18n.get())
                    .replace("{n}", &(t.pending + t.sending + t.unknown).to_string())
                    .replace("{q}", &p.template.quota_id);
                let p2 = p.clone();
                let id = p.plan_id.clone();
                view! {
                    <div class="notice notice-info" data-testid="resume-notice">
                        <div class="notice-title">{tr(Msg::VoResumeTitle)}</div>
                        <p>{text}</p>
                        <div class="form-actions">
                            <button class="button primary" type="button" data-testid="resume-plan" disabled=move || running.get() on:click=move |_| resume.run(p2.clone())>{tr(Msg::VoResume)}</button>
                            <button class="button" type="button" data-testid="discard-plan" on:click=move |_| {
                                forget_plan(&id);
                                found.update(|f| f.retain(|x| x.plan_id != id));
                            }>{tr(Msg::VoDiscard)}</button>
                        </div>
                    </div>
                }
            }).collect_view()}

            // Created once per visible plan: it follows the plan signal itself, so a batch only
            // redraws the rows it changed.
            {move || match has_plan.get() {
                true => view! {
                    <PlanProgress plan=plan running=running stopped=stopped quotas=quotas.data on_reclaim=reclaim_extra />
                    {move || extra_error.get().map(|e| view! { <ErrorNotice error=e /> })}
                    {move || check_result.get().map(|r| match r {
                        Ok(0) => view! { <div class="notice notice-info" data-testid="duplicates-none">{tr(Msg::VoCheckDuplicatesNone)}</div> }.into_any(),
                        // Found ones are announced in the card, with a count that follows reclaims.
                        Ok(_) => ().into_any(),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    })}
                    <div class="form-actions">
                        <button class="button" type="button" data-testid="check-duplicates"
                            disabled=move || { running.get() || checking.get() || plan.with(|p| p.as_ref().is_some_and(|p| p.tally().unknown > 0)) }
                            on:click=move |_| check_duplicates.run(())>{tr(Msg::VoCheckDuplicates)}</button>
                        <button class="button" type="button" data-testid="retry-failed"
                            disabled=move || { running.get() || plan.with(|p| p.as_ref().is_none_or(|p| !p.items.iter().any(|i| matches!(&i.state, ItemState::Failed { code, .. } if partner_api::issuance::RETRYABLE_CODES.contains(&code.as_str()))))) }
                            on:click=retry_failed>{tr(Msg::VoRetryFailed)}</button>
                        <button class="button" type="button" data-testid="continue-plan"
                            disabled=move || { running.get() || stopped.with(Option::is_none) }
                            on:click=continue_plan>{tr(Msg::VoContinue)}</button>
                        <button class="button primary" type="button" data-testid="new-issue" disabled=move || { running.get() || plan.with(|p| p.as_ref().is_some_and(|p| p.tally().unknown > 0)) } on:click=new_issue>{tr(Msg::VoNewIssue)}</button>
                    </div>
                }.into_any(),
                false => view! {
                    <form class="card form issue-form" data-testid="issue-form" on:submit=submit novalidate>
                        {move || quotas.error.get().map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| quotas.reload()) /> })}
                        <fieldset class="field quota-field">
                            <legend class="field-label">{tr(Msg::VoQuota)}<span class="required">"*"</span></legend>
                            <QuotaPicker quotas=quotas.data selected=quota_id />
                        </fieldset>
                        <label class="field">
                            <span class="field-label">{move || {
                                let cur = quota.with(|q| q.as_ref().map(|q| q.currency.clone()).unwrap_or_else(|| "CNY".into()));
                                format!("{} ({cur})", Msg::VoFaceValue.text(i18n.get()))
                            }}<span class="required">"*"</span></span>
                            <input type="text" inputmode="decimal" data-testid="face-value" prop:value=face
                                class=move || if face_touched.get() && face_error.get().is_some() { "invalid" } else { "" }
                                aria-invalid=move || (face_touched.get() && face_error.get().is_some()).to_string()
                                on:input=move |ev| face.set(event_target_value(&ev))
                                on:blur=move |_| face_touched.set(true) />
                            {move || quota.get().map(|q| {
                                let min = limit_amount(&q, limit_key::MIN_FACE_VALUE).map(|a| a.with_currency(&q.currency));
                                let max = limit_amount(&q, limit_key::MAX_FACE_VALUE).map(|a| a.with_currency(&q.currency));
                                (min.is_some() || max.is_some()).then(|| view! {
                                    <span class="muted" data-testid="face-limits">{format!("{} {} – {}", Msg::VoFaceRange.text(i18n.get()), min.unwrap_or_default(), max.unwrap_or_default())}</span>
                                })
                            })}
                            {move || (face_touched.get()).then(|| face_error.get()).flatten().map(|e| view! { <span class="field-error" data-testid="face-error" role="alert">{e}</span> })}
                        </label>
                        <div class="field">
                            <span class="field-label">{tr(Msg::VoValidity)}</span>
                            <div class="date-range">
                                <input type="date" data-testid="valid-from" prop:value=valid_from on:input=move |ev| valid_from.set(event_target_value(&ev)) />
                                <span>{tr(Msg::LastUpdateTo)}</span>
                                <input type="date" data-testid="valid-to" prop:value=valid_to on:input=move |ev| valid_to.set(event_target_value(&ev)) />
                            </div>
                            <span class="muted">{tr(Msg::VoValidityHint)}</span>
                        </div>
                        <label class="field">
                            <span class="field-label">{tr(Msg::VoMemo)}</span>
                            <input type="text" maxlength="256" data-testid="memo" prop:value=memo on:input=move |ev| memo.set(event_target_value(&ev)) />
                        </label>
                        <div>
                            <button class="link-button" type="button" data-testid="toggle-advanced" aria-expanded=move || advanced.get().to_string() on:click=move |_| advanced.update(|a| *a = !*a)>
                                {move || if advanced.get() { Msg::VoHideAdvanced } else { Msg::VoShowAdvanced }.text(i18n.get())}
                            </button>
                        </div>
                        <Show when=move || advanced.get()>
                            <div class="advanced" data-testid="advanced">
                                <ScopePicker label=Msg::VoServiceTypes options=Signal::derive(move || quota.get().map(|q| limit_list(&q, limit_key::CLOUD_SERVICE_TYPE)).unwrap_or_default()) selected=services test_id="service-types" />
                                <ScopePicker label=Msg::VoProducts options=Signal::derive(move || quota.get().map(|q| limit_list(&q, limit_key::PRODUCT_ID)).unwrap_or_default()) selected=products test_id="products" />
                            </div>
                        </Show>

                        <div class="field">
                            <span class="field-label">{tr(Msg::VoCustomers)}<span class="required">"*"</span></span>
                            <div class="form-actions">
                                <button class="button" type="button" data-testid="add-customers" on:click=move |_| dialog_open.set(true)>{tr(Msg::VoAddCustomers)}</button>
                                <a class="link-button" href=crate::routes::href("/sales/whitelist") data-testid="manage-whitelist">{tr(Msg::VoManageWhitelist)}</a>
                            </div>
                            <ChosenList customers=customers />
                            <paste::PasteBox customers=customers />
                        </div>

                        <div class="issue-summary" data-testid="issue-summary" data-over=move || over_balance.get().to_string()>
                            {move || {
                                let l = i18n.get();
                                let n = customers.with(Vec::len);
                                let q = quota.get();
                                let cur = q.as_ref().map(|q| q.currency.clone()).unwrap_or_else(|| "CNY".into());
                                let f = Amount::parse(&face.get()).filter(|_| face_error.get().is_none()).map(|a| a.with_currency(&cur)).unwrap_or_else(|| "—".into());
                                let t = total.get().map(|a| a.with_currency(&cur)).unwrap_or_else(|| "—".into());
                                let bal = q.as_ref().map(|q| q.balance.with_currency(&q.currency)).unwrap_or_else(|| "—".into());
                                view! {
                                    <span data-testid="summary-line">{format!("{} {n} × {f} = {t}", Msg::VoSummaryCustomers.text(l))}</span>
                                    <span class="muted">{format!("{} {bal}", Msg::VoBalance.text(l))}</span>
                                }
                            }}
                            {move || over_balance.get().then(|| view! { <span class="field-error" data-testid="over-balance" role="alert">{tr(Msg::VoOverBalance)}</span> })}
                        </div>
                        {move || form_error.get().map(|m| view! { <div class="form-error" data-testid="form-error" role="alert">{m.text(i18n.get())}</div> })}
                        <div class="form-actions">
                            <button class="button primary" type="submit" data-testid="issue-submit" disabled=move || { running.get() || over_balance.get() }>{tr(Msg::VoIssue)}</button>
                        </div>
                    </form>
                }.into_any(),
            }}
            <Show when=move || dialog_open.get()>
                <AddCustomersDialog open=dialog_open customers=customers />
            </Show>
            </Show>
        </section>
    }
}

/// The quotas of the chosen type: usable ones can be picked; the others are shown with why not.
#[component]
fn QuotaPicker(quotas: RwSignal<Option<ListQuotaCouponsResponse>>, selected: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="quota-list" data-testid="quota-list" role="radiogroup">
            {move || {
                let l = i18n.get();
                let now = crate::format::now();
                match quotas.get() {
                    None => view! { <span class="muted">{Msg::Loading.text(l)}</span> }.into_any(),
                    Some(d) if d.quotas.is_empty() => view! { <span class="muted" data-testid="no-quotas">{Msg::VoNoQuotas.text(l)}</span> }.into_any(),
                    Some(d) => {
                        // Usable quotas first, the soonest to expire first within each group.
                        let mut quotas: Vec<_> = d.quotas.into_iter().map(|q| (why_not_usable(&q, now), q)).collect();
                        quotas.sort_by_key(|(why, q)| (why.is_some(), q.expire_time));
                        quotas.into_iter().map(|(why, q)| {
                        let id = q.quota_id.clone();
                        let id2 = id.clone();
                        let id3 = id.clone();
                        let limits = match (limit_amount(&q, limit_key::MIN_FACE_VALUE), limit_amount(&q, limit_key::MAX_FACE_VALUE)) {
                            (None, None) => String::new(),
                            (a, b) => format!(" · {} {} – {}", Msg::VoFaceRange.text(l), a.map(|a| a.grouped()).unwrap_or_default(), b.map(|b| b.grouped()).unwrap_or_default()),
                        };
                        let class = if why.is_some() { "quota-option disabled" } else { "quota-option" };
                        view! {
                            <label class=class data-testid="quota-option" data-quota=id.clone() data-usable=why.is_none().to_string()>
                                <input type="radio" name="quota" value=id.clone() disabled=why.is_some()
                                    prop:checked=move || selected.with(|s| *s == id2)
                                    on:change=move |_| selected.set(id3.clone()) />
                                <span class="quota-main">
                                    <span class="quota-id">{id.clone()}</span>
                                    <span class="quota-balance" data-testid="quota-balance">{format!("{} {}", Msg::VoBalance.text(l), q.balance.with_currency(&q.currency))}</span>
                                </span>
                                <span class="muted">{format!("{} {} – {}{limits}", Msg::VoValidity.text(l), day(&q.effective_time), day(&q.expire_time))}</span>
                                {why.map(|m| view! { <span class="quota-why" data-testid="quota-why">{m.text(l)}</span> })}
                            </label>
                        }
                    }).collect_view().into_any()
                    }
                }
            }}
        </div>
    }
}

/// Checkboxes over what the quota allows; none checked = the quota's whole scope.
#[component]
fn ScopePicker(
    label: Msg,
    options: Signal<Vec<String>>,
    selected: RwSignal<Vec<String>>,
    test_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field scope-picker" data-testid=test_id>
            <legend class="field-label">{move || label.text(i18n.get())}</legend>
            {move || {
                let opts = options.get();
                if opts.is_empty() {
                    return view! { <span class="muted">{Msg::VoScopeAll.text(i18n.get())}</span> }.into_any();
                }
                opts.into_iter().map(|o| {
                    let (o1, o2) = (o.clone(), o.clone());
                    view! {
                        <label class="checkbox">
                            <input type="checkbox" prop:checked=move || selected.with(|s| s.contains(&o1))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected.update(|s| {
                                        s.retain(|x| *x != o2);
                                        if on { s.push(o2.clone()); }
                                    });
                                } />
                            <span>{o.clone()}</span>
                        </label>
                    }
                }).collect_view().into_any()
            }}
            <span class="muted">{tr(Msg::VoScopeHint)}</span>
        </fieldset>
    }
}

#[component]
fn ChosenList(customers: RwSignal<Vec<Chosen>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="chosen" data-testid="chosen-customers" data-count=move || customers.with(Vec::len).to_string()>
            {move || {
                let l = i18n.get();
                let list = customers.get();
                if list.is_empty() {
                    return view! { <span class="muted">{Msg::VoNoCustomers.text(l)}</span> }.into_any();
                }
                view! {
                    <ul class="chip-list">
                        {list.into_iter().map(|c| {
                            let id = c.id.clone();
                            view! {
                                <li class="chip" data-testid="chosen" data-customer=c.id.clone()>
                                    <span>{format!("{} · {}", c.name, c.account)}</span>
                                    <button class="icon-button" type="button" aria-label=Msg::VoRemove.text(l) on:click=move |_| customers.update(|v| v.retain(|x| x.id != id))>"×"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

/// Whitelisted customers only, with keyword search and paging; the selection holds across pages.
#[component]
fn AddCustomersDialog(open: RwSignal<bool>, customers: RwSignal<Vec<Chosen>>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let keyword = RwSignal::new(String::new());
    let applied = RwSignal::new(String::new());
    let page = RwSignal::new(0i64);
    let picked = RwSignal::new(customers.get_untracked());
    let entries = use_remote(move || {
        let kw = applied.get();
        let offset = page.get() * DIALOG_PAGE;
        let api = api.clone();
        async move {
            let q = EntriesQuery {
                keyword: Some(kw).filter(|k| !k.is_empty()),
                offset: Some(offset),
                limit: Some(DIALOG_PAGE),
                ..Default::default()
            };
            api.get::<EntryList>(&q.url(ENTRIES_PATH)).await
        }
    });
    let toggle = move |e: &Entry, on: bool| {
        let c = Chosen { id: e.customer_id.clone(), account: e.account_name.clone(), name: e.customer.clone() };
        picked.update(|p| {
            p.retain(|x| x.id != c.id);
            if on {
                p.push(c);
            }
        });
    };
    view! {
        <div class="dialog-backdrop">
            <div class="dialog dialog-wide" role="dialog" aria-modal="true" aria-labelledby="add-customers-title" data-testid="add-customers-dialog">
                <h2 id="add-customers-title">{tr(Msg::VoAddCustomers)}</h2>
                <p class="muted">{tr(Msg::VoWhitelistOnly)}</p>
                <form class="form-actions" on:submit=move |ev| { ev.prevent_default(); page.set(0); applied.set(keyword.get_untracked().trim().to_string()); }>
                    <input type="search" data-testid="dialog-keyword" placeholder=move || Msg::FilterKeywordPlaceholder.text(i18n.get()) prop:value=keyword on:input=move |ev| keyword.set(event_target_value(&ev)) />
                    <button class="button" type="submit" data-testid="dialog-search">{tr(Msg::Search)}</button>
                </form>
                {move || entries.error.get().map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| entries.reload()) /> })}
                <table class="plain-table" data-testid="dialog-entries" aria-busy=move || entries.loading.get().to_string()>
                    <thead><tr><th></th><th>{tr(Msg::ColCustomer)}</th><th>{tr(Msg::Account)}</th><th>{tr(Msg::CustomerId)}</th></tr></thead>
                    <tbody>
                        {move || entries.data.get().map(|d| d.entries.into_iter().map(|e| {
                            let id = e.customer_id.clone();
                            let e2 = e.clone();
                            view! {
                                <tr data-testid="dialog-entry" data-customer=e.customer_id.clone() data-account=e.account_name.clone()>
                                    <td><input type="checkbox" aria-label=Msg::SelectRow.text(i18n.locale.get_untracked())
                                        prop:checked=move || picked.with(|p| p.iter().any(|x| x.id == id))
                                        on:change=move |ev| toggle(&e2, event_target_checked(&ev)) /></td>
                                    <td>{e.customer.clone()}</td>
                                    <td>{e.account_name.clone()}</td>
                                    <td class="muted">{e.customer_id.clone()}</td>
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
                <div class="pager">
                    {move || {
                        let total = entries.data.with(|d| d.as_ref().map(|d| d.total_count).unwrap_or(0));
                        let pages = total.div_ceil(DIALOG_PAGE as u64).max(1);
                        let l = i18n.get();
                        view! {
                            <span class="pager-summary" data-testid="dialog-total">{Msg::TableTotal.with_n(l, total)}</span>
                            <button class="button" type="button" data-testid="dialog-prev" disabled=move || { page.get() == 0 } on:click=move |_| page.update(|p| *p -= 1)>{Msg::PrevPage.text(l)}</button>
                            <span>{move || format!("{} / {pages}", page.get() + 1)}</span>
                            <button class="button" type="button" data-testid="dialog-next" disabled=move || { (page.get() + 1) as u64 >= pages } on:click=move |_| page.update(|p| *p += 1)>{Msg::NextPage.text(l)}</button>
                        }
                    }}
                </div>
                <div class="form-actions">
                    <button class="button primary" type="button" data-testid="dialog-confirm" on:click=move |_| { customers.set(picked.get_untracked()); open.set(false); }>
                        {move || format!("{} ({})", Msg::VoConfirmAdd.text(i18n.get()), picked.with(Vec::len))}
                    </button>
                    <button class="button" type="button" data-testid="dialog-cancel" data-dialog-cancel on:click=move |_| open.set(false)>{tr(Msg::Cancel)}</button>
                </div>
            </div>
        </div>
    }
}

/// What one row of the results table shows.
#[derive(Clone, PartialEq)]
struct RowState {
    code: &'static str,
    detail: Option<String>,
    extra: Vec<partner_api::issuance::ExtraCoupon>,
}

fn row_state(i: &partner_api::issuance::Item) -> RowState {
    let (code, detail) = match &i.state {
        ItemState::Pending => ("pending", None),
        ItemState::Sending { .. } => ("sending", None),
        ItemState::Issued { coupon_id } => ("issued", Some(coupon_id.clone())),
        ItemState::Failed { code, message } => ("failed", Some(format!("{code}\u{1}{message}"))),
        ItemState::Unknown { .. } => ("unknown", None),
    };
    RowState { code, detail, extra: i.extra.clone() }
}

/// Progress bar and the per-customer results of the plan.
#[component]
fn PlanProgress(
    plan: RwSignal<Option<Plan>>,
    running: RwSignal<bool>,
    stopped: RwSignal<Option<ApiError>>,
    quotas: RwSignal<Option<ListQuotaCouponsResponse>>,
    on_reclaim: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let tally = Memo::new(move |_| plan.with(|p| p.as_ref().map(Plan::tally).unwrap_or_default()));
    let extra = Memo::new(move |_| plan.with(|p| p.as_ref().map_or(0, Plan::extra_outstanding)));
    let quota_id =
        Memo::new(move |_| plan.with(|p| p.as_ref().map(|p| p.template.quota_id.clone()).unwrap_or_default()));
    let face = Memo::new(move |_| {
        let currency = quota_id.with(|id| {
            quotas.with(|d| {
                d.as_ref().and_then(|d| d.quotas.iter().find(|q| &q.quota_id == id).map(|q| q.currency.clone()))
            })
        });
        plan.with(|p| p.as_ref().map(|p| p.face_value().with_currency(currency.as_deref().unwrap_or("CNY"))))
            .unwrap_or_default()
    });
    let state = move || {
        if running.get() {
            "running"
        } else if unfinished(&tally.get()) {
            "stopped"
        } else {
            "done"
        }
    };
    let t = move |f: fn(&Tally) -> usize| move || f(&tally.get()).to_string();
    // The rows stay put while the plan runs (its customers never change); each row follows
    // its own item, so a batch only redraws the rows it changed, even with thousands of rows.
    let customers = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| p.items.iter().map(|i| (i.customer_id.clone(), i.label.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <div class="card issue-progress" data-testid="issue-progress" data-state=state data-issued=t(|t| t.issued) data-failed=t(|t| t.failed) data-unknown=t(|t| t.unknown) data-pending=t(|t| t.pending) data-extra=move || extra.get().to_string()>
            <div class="card-title">{tr(Msg::VoProgress)}</div>
            <progress max=t(|t| t.total) value=t(Tally::done) data-testid="progress-bar"></progress>
            <div data-testid="progress-text">{move || {
                let l = i18n.get();
                let t = tally.get();
                Msg::VoProgressText.text(l).replace("{n}", &t.done().to_string()).replace("{t}", &t.total.to_string())
                    .replace("{i}", &t.issued.to_string()).replace("{f}", &t.failed.to_string())
            }}</div>
            {move || (tally.with(|t| t.unknown + t.sending > 0) && running.get()).then(|| view! { <div class="muted" data-testid="reconciling">{tr(Msg::VoReconciling)}</div> })}
            {move || (extra.get() > 0).then(|| view! { <div class="form-error" role="alert" data-testid="extra-found">{move || Msg::VoExtraFound.with_n(i18n.get(), extra.get())}</div> })}
            {move || stopped.get().map(|e| view! {
                <div>
                    <div class="form-error">{tr(Msg::VoStopped)}</div>
                    <ErrorNotice error=e />
                </div>
            })}
            {move || quota_id.with(|id| quotas.with(|d| d.as_ref().and_then(|d| d.quotas.iter().find(|q| &q.quota_id == id).map(|q| q.balance.with_currency(&q.currency))))).map(|b| view! {
                <div data-testid="balance-after">{format!("{} {b}", Msg::VoBalance.text(i18n.get()))}</div>
            })}
            <table class="plain-table" data-testid="issue-results">
                <thead><tr>
                    <th>{tr(Msg::ColCustomer)}</th><th>{tr(Msg::CustomerId)}</th><th>{tr(Msg::VoFaceValue)}</th><th>{tr(Msg::VoResult)}</th><th>{tr(Msg::VoCouponOrReason)}</th>
                </tr></thead>
                <tbody>
                    <For each=move || customers.get().into_iter().enumerate() key=|(_, (id, _))| id.clone() let:((index, (customer_id, label)))>
                        <ResultLine plan=plan index=index customer_id=customer_id label=label face=face on_reclaim=on_reclaim />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ResultLine(
    plan: RwSignal<Option<Plan>>,
    index: usize,
    customer_id: String,
    label: String,
    face: Memo<String>,
    on_reclaim: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let st = Memo::new(move |_| {
        plan.with(|p| p.as_ref().and_then(|p| p.items.get(index)).map(row_state)).unwrap_or(RowState {
            code: "pending",
            detail: None,
            extra: Vec::new(),
        })
    });
    let code = move || st.with(|s| s.code);
    let id_attr = customer_id.clone();
    view! {
        <tr data-testid="result-row" data-customer=id_attr data-state=code>
            <td>{label}</td>
            <td class="muted">{customer_id}</td>
            <td>{move || face.get()}</td>
            <td><span class=move || format!("tag tag-{}", code())>{move || match code() {
                "pending" => Msg::VoStatePending,
                "sending" => Msg::VoStateSending,
                "issued" => Msg::VoStateIssued,
                "failed" => Msg::VoStateFailed,
                _ => Msg::VoStateUnknown,
            }.text(i18n.get())}</span></td>
            <td data-testid="result-detail"><span data-testid="result-main">{move || {
                let l = i18n.get();
                st.with(|s| match (s.code, &s.detail) {
                    ("issued", Some(c)) => c.clone(),
                    ("failed", Some(s)) => {
                        let (c, m) = s.split_once('\u{1}').unwrap_or((s, ""));
                        format!("{} ({c})", reason_text(c, m, l))
                    }
                    _ => String::new(),
                })
            }}</span>
            {move || st.with(|s| s.extra.clone()).into_iter().map(|e| {
                let id = e.coupon_id.clone();
                view! {
                    <div class="extra-coupon" data-testid="extra-coupon" data-coupon=e.coupon_id.clone() data-reclaimed=e.reclaimed.to_string()>
                        <span class="tag tag-failed">{tr(Msg::VoExtraCoupon)}</span>
                        " "<span>{e.coupon_id.clone()}</span>" "
                        {if e.reclaimed {
                            view! { <span class="muted">{tr(Msg::VoExtraReclaimed)}</span> }.into_any()
                        } else {
                            view! { <button class="link-button" type="button" data-testid="reclaim-extra" on:click=move |_| on_reclaim.run(id.clone())>{tr(Msg::VoReclaimExtra)}</button> }.into_any()
                        }}
                    </div>
                }
            }).collect_view()}
            </td>
        </tr>
    }
}
