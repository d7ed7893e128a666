//! Texts of X2 acting for a customer (`Acting…`) and S10 余额支付 (`Pay…`). zh-CN as the
//! console's own labels (FEATURES.md S10: 余额支付(为客户代支付订单)).

crate::texts! {
    PAYMENT_TEXTS;
    ActingStop => "停止代客操作", "Stop acting for the customer";
    ActingEndedExpired => "代客操作已结束:客户授权令牌已过期。", "Acting for the customer has ended: the customer token expired.";
    ActingEndedRevoked => "代客操作已结束:客户的授权已失效(已过期或被撤销)。", "Acting for the customer has ended: the customer's authorisation is no longer valid (expired or withdrawn).";
    PayNav => "余额支付", "Balance payment";
    PayIntro => "为客户代支付待支付订单:金额从伙伴账户扣除(先现金余额,后信用额度)。支付需客户授权的代客操作。", "Pay customers' pending orders from your partner account (cash balance first, then credit). Paying acts for the customer with their authorisation.";
    PayNotForPartner => "余额支付仅面向华为云总经销商(一级经销商)。", "Balance payment is for tier-1 distributors only.";
    PayPendingTable => "待支付订单", "Orders pending payment";
    PayEmpty => "没有待支付的订单。", "There are no orders pending payment.";
    PayEmptyFiltered => "没有符合筛选条件的待支付订单。", "No pending order matches these filters.";
    PayAction => "支付", "Pay";
    PayTitle => "支付订单", "Pay an order";
    PayBack => "返回待支付订单", "Back to pending orders";
    PayOrderCard => "订单信息", "Order";
    PayDeadline => "支付截止时间", "Pay by";
    PayAmountDue => "应付金额", "Amount due";
    PayFundsCard => "伙伴账户", "Partner account";
    PayCash => "现金余额(可用)", "Cash balance (available)";
    PayCredit => "信用额度(可用)", "Credit (available)";
    PayFundsTotal => "可支付合计", "Available in total";
    PayFundsUnknown => "无法读取伙伴账户余额。", "The partner account's balance could not be read.";
    PayNeedsAgency => "代客户支付需要以客户身份操作:将使用客户授权(委托)获取客户令牌。令牌仅保存在本页内存中,仅用于本次支付。", "Paying for the customer acts as the customer: their authorisation (agency) gives a customer token. It stays in this page's memory and is used for this payment only.";
    PayActFor => "代客户操作", "Act for the customer";
    PayAuthorising => "正在获取客户授权…", "Getting the customer's authorisation…";
    ErrorActingEndedTitle => "代客授权已失效", "The authorisation to act for the customer has ended";
    PayActingStopped => "已停止代客操作。支付前请重新获取客户授权。", "You stopped acting for the customer. Get their authorisation again before paying.";
    PayActAgain => "重新获取授权", "Get the authorisation again";
    PayLoadingOffer => "正在读取可用的优惠券和折扣…", "Reading the coupons and discounts that apply…";
    PayCoupons => "优惠券", "Coupons";
    PayNoCoupons => "客户没有可用于该订单的优惠券。", "The customer has no coupon for this order.";
    PayCouponLocked => "已被其他订单占用", "Locked by another order";
    PayDiscounts => "折扣", "Discount";
    PayNoDiscount => "不使用折扣", "No discount";
    PayNoDiscounts => "该订单没有可用的折扣。", "No discount applies to this order.";
    PayAdjustmentRequired => "该订单已调价,须按调价支付。", "This order's price was adjusted; it is paid at the adjusted price.";
    PaySummary => "支付明细", "Payment";
    PayOrderAmount => "订单金额", "Order amount";
    PayDiscountOff => "折扣优惠", "Discount";
    PayCouponsOff => "优惠券抵扣", "Coupons";
    PayToPay => "从伙伴账户支付", "Paid from the partner account";
    PayFromCash => "其中现金余额", "of which cash";
    PayFromCredit => "其中信用额度", "of which credit";
    PayFundsAfter => "支付后可用合计", "Available after paying";
    PayInsufficient => "伙伴账户余额不足以支付该订单。", "The partner account's balance does not cover this order.";
    PaySubmit => "余额支付", "Pay from balance";
    PayConfirmTitle => "确认支付", "Confirm the payment";
    PayConfirmHint => "确认后将立即从伙伴账户扣款,且不可撤销。", "The amount is taken from the partner account at once; this cannot be undone.";
    PayConfirm => "确认支付", "Pay now";
    PayPaying => "支付中…", "Paying…";
    PayChecking => "支付结果未知,正在查询订单状态…", "The payment's answer was lost; reading the order's status…";
    PayUnknown => "无法确认支付是否成功。请勿重复支付:先查询订单状态。", "Whether the payment went through is not known. Do not pay again: check the order's status first.";
    PayCheckAgain => "查询订单状态", "Check the order's status";
    PayNotApplied => "支付未成功:订单仍为待支付,未扣款。可以再次支付。", "The payment did not go through: the order is still pending and nothing was taken. You can pay again.";
    PayDone => "支付成功,订单已支付。", "Paid: the order is paid.";
    PayReconciled => "支付应答丢失,已通过查询订单状态确认支付成功,未重复扣款。", "The answer was lost; the order's status confirms it was paid, once.";
    PayPaidElsewhere => "该订单已在其他窗口或由他人支付,本次未扣款。", "This order was paid elsewhere (another tab or person); nothing was taken this time.";
    PayAlreadyPaid => "该订单已不是待支付状态,无需支付。", "This order is no longer pending payment; there is nothing to pay.";
    PayPastDeadline => "该订单已超过支付截止时间,无法支付。请联系客户重新下单。", "This order is past its payment deadline and cannot be paid. Ask the customer to order again.";
    PayViewOrder => "查看订单详情", "View the order";
    PayProblemTooMany => "最多可使用 3 张优惠券。", "At most 3 coupons can be used.";
    PayProblemCoupon => "所选优惠券不可用于该订单。", "A chosen coupon cannot be used on this order.";
    PayProblemNotNeeded => "订单金额已抵扣完,请取消多余的优惠券。", "The amount is covered already; untick the extra coupon.";
    PayTypeDiscountCoupon => "折扣券", "Discount coupon";
    PayTypeCard => "储值卡", "Stored-value card";
    PayDiscPromotion => "促销折扣", "Promotional discount";
    PayDiscContract => "合同折扣", "Contract discount";
    PayDiscCommercial => "商务折扣", "Commercial discount";
    PayDiscPartner => "伙伴授予折扣", "Partner-granted discount";
    PayDiscAdjustment => "订单调价", "Price adjustment";
    PayProblemCombine => "所选优惠不能同时使用,请只选其一。", "The chosen offers cannot be combined; choose one of them.";
}

crate::templates! {
    PAYMENT_TEMPLATES;
    ActingForCustomer { name, account } => "正在代客户操作:{name}({account})", "Acting for the customer {name} ({account})";
    ActingUntil { time } => "客户令牌有效期至 {time}", "Customer token valid until {time}";
    PayOrderOf { id } => "支付订单 {id}", "Pay order {id}";
    PayConfirmText { amount, order } => "将从伙伴账户支付 {amount},用于订单 {order}。", "{amount} will be paid from the partner account for order {order}.";
    PayPendingTotal { n } => "共 {n} 个待支付订单", "{n} orders pending payment", one n: "{n} order pending payment";
    PayCouponBalance { balance } => "余额 {balance}", "Balance {balance}";
    PayCouponExpires { date } => "{date} 到期", "expires {date}";
    PayMaxOfType { max } => "该类优惠券最多使用 {max} 张。", "At most {max} coupons of this kind.";
}
