package cn.econtract.app.approval;

import java.util.Date;

/** An open user task as our UI and API list it. */
public record TaskSummary(String id, String name, String processInstanceId, String businessKey, String assignee,
                          Date created, Date due) {
}
