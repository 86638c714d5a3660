/**
 * In-app notifications (站内消息): reminders, escalations and outcomes for a user, with an unread
 * count. E-mail and SMS channels join with the fulfilment issue.
 */
package cn.econtract.app.notification;
