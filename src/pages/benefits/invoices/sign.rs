//! 签收: confirm, send once, and when the answer is lost read the invoice again before
//! anything else — it may have been signed for already. The server refuses a second 签收
//! (`CBC.50030012`), which the flow reads as done.

use crate::api::Api;
use crate::components::programme_labels::RefusalOrError;
use crate::i18n::{tr, use_i18n, IvSignQuestion, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::codes;
use partner_api::invoices::{sign, Invoice, ShowInvoiceRequest, SignInvoiceRequest, SignRefusal};
use partner_api::{ApiError, ErrorKind};

#[derive(Debug, Clone, PartialEq)]
pub enum SignFlow {
    Idle,
    Confirming(Invoice),
    /// Sent; the confirm button is disabled until the answer (or the re-read) is in.
    Signing(Invoice),
    /// Signed for now, or found signed for already.
    Done {
        already: bool,
    },
    /// Refused or failed; `reread`: the answer was lost and the invoice still awaits receipt.
    Failed {
        invoice: Invoice,
        error: Option<ApiError>,
        reread: bool,
    },
}

#[derive(Clone, Copy)]
pub struct Signer {
    pub flow: RwSignal<SignFlow>,
    /// Bumped after a change, so the list reloads.
    pub version: RwSignal<u64>,
    api: Api,
}

fn lost(e: &ApiError) -> bool {
    matches!(e.kind(), ErrorKind::Network | ErrorKind::Timeout | ErrorKind::Server)
}

impl Signer {
    pub fn new(api: Api) -> Self {
        Signer { flow: RwSignal::new(SignFlow::Idle), version: RwSignal::new(0), api }
    }

    pub fn ask(&self, invoice: Invoice) {
        if !matches!(self.flow.get_untracked(), SignFlow::Signing(_)) {
            self.flow.set(SignFlow::Confirming(invoice));
        }
    }

    pub fn cancel(&self) {
        if !matches!(self.flow.get_untracked(), SignFlow::Signing(_)) {
            self.flow.set(SignFlow::Idle);
        }
    }

    fn finish(&self, flow: SignFlow) {
        if matches!(flow, SignFlow::Done { .. }) {
            self.version.try_update(|v| *v += 1);
        }
        self.flow.try_set(flow);
    }

    /// Sends 签收 once: only from the confirmation (or a failure), never while one is in flight.
    pub fn confirm(&self) {
        let invoice = match self.flow.get_untracked() {
            SignFlow::Confirming(i) | SignFlow::Failed { invoice: i, .. } => i,
            _ => return,
        };
        self.flow.set(SignFlow::Signing(invoice.clone()));
        let me = *self;
        spawn_local(async move {
            let id = invoice.invoice_id.clone();
            let next = match me.api.call(&SignInvoiceRequest { invoice_id: id.clone() }).await {
                Ok(_) => SignFlow::Done { already: false },
                Err(e) if e.code == codes::INVOICE_ALREADY_SIGNED => SignFlow::Done { already: true },
                Err(e) if lost(&e) => match me.api.call(&ShowInvoiceRequest { invoice_id: id }).await {
                    // The state decides: signed for means the lost answer was a success.
                    Ok(now) => match sign(&now.status) {
                        Err(SignRefusal::AlreadySigned) => SignFlow::Done { already: false },
                        Ok(_) => SignFlow::Failed { invoice: now, error: None, reread: true },
                        Err(_) => SignFlow::Failed { invoice: now, error: Some(e), reread: false },
                    },
                    Err(again) => SignFlow::Failed { invoice, error: Some(again), reread: false },
                },
                Err(e) => SignFlow::Failed { invoice, error: Some(e), reread: false },
            };
            me.finish(next);
        });
    }
}

/// The confirmation dialog (while confirming, signing or failed).
#[component]
pub fn SignDialog(signer: Signer) -> impl IntoView {
    let i18n = use_i18n();
    let s = signer;
    move || {
        let (invoice, busy, error, reread) = match s.flow.get() {
            SignFlow::Confirming(i) => (i, false, None, false),
            SignFlow::Signing(i) => (i, true, None, false),
            SignFlow::Failed { invoice, error, reread } => (invoice, false, error, reread),
            _ => return None,
        };
        let l = i18n.get();
        let no = invoice.invoice_no.clone().unwrap_or_else(|| invoice.invoice_id.clone());
        let amount = invoice.amount.with_currency(&invoice.currency);
        let question = IvSignQuestion { no: &no, amount: &amount }.text(l);
        Some(view! {
            <div class="dialog-backdrop">
                <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="sign-title" data-testid="sign-dialog" data-invoice=invoice.invoice_id.clone()>
                    <h2 id="sign-title">{tr(Msg::IvSignTitle)}</h2>
                    <p data-testid="sign-question">{question}</p>
                    {reread.then(|| view! { <p class="notice notice-info" role="status" data-testid="sign-unsure">{tr(Msg::IvSignUnsure)}</p> })}
                    {error.map(|error| view! { <RefusalOrError error /> })}
                    <div class="form-actions">
                        <button class="button primary" type="button" data-testid="sign-confirm" disabled=busy aria-busy=busy.to_string() on:click=move |_| s.confirm()>
                            {if busy { Msg::IvSigning.text(l) } else { Msg::IvSignConfirm.text(l) }}
                        </button>
                        <button class="button" type="button" data-testid="sign-cancel" data-dialog-cancel disabled=busy on:click=move |_| s.cancel()>{Msg::Cancel.text(l)}</button>
                    </div>
                </div>
            </div>
        })
    }
}
