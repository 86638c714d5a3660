package cn.econtract.support;

import cn.econtract.app.identity.DirectoryService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What scenario tests of a whole phase share: the running application on its port, the engine's
 * services for Camunda BPM Assert, the directory, the database; the engine clock put back after
 * each test that moved it.
 */
public abstract class ProcessScenarios {

    @LocalServerPort
    protected int port;
    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected TaskService tasks;
    @Autowired
    protected HistoryService history;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected IdentityService identity;
    @Autowired
    protected DirectoryService directory;
    @Autowired
    protected JdbcClient jdbc;

    @BeforeEach
    void initProcessAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    protected Http as(String user) {
        return Http.basic(port, user, "demo");
    }
}
