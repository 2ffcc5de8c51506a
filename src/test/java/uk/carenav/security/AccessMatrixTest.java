package uk.carenav.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import uk.carenav.SignIn;
import uk.carenav.call.CallService;
import uk.carenav.call.RescoreService;
import uk.carenav.call.TraineeCalls;
import uk.carenav.call.UtteranceMisses;
import uk.carenav.competency.CompetencyFramework;
import uk.carenav.competency.SignOffService;
import uk.carenav.coverage.AreaAnalysis;
import uk.carenav.coverage.AreaTrainingStatus;
import uk.carenav.coverage.XapiExport;
import uk.carenav.directory.DirectoryCsv;
import uk.carenav.directory.ServiceDirectory;
import uk.carenav.organisation.OrganisationAdmin;
import uk.carenav.organisation.RosterImport;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.review.ScenarioReviews;
import uk.carenav.scenario.ScenarioLibrary;
import uk.carenav.shift.ShiftService;
import uk.carenav.system.DatabaseBackup;

/**
 * Every public method of every service that reads or writes training data, called as anonymous and
 * as each demo role: every wrong role is refused by the service itself, whatever the view does.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AccessMatrixTest {

    /** Who may call each service method (roles separated by commas); "*" means any signed-in user, "-" no check. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("CallService.*", "TRAINEE"),
            Map.entry("ShiftService.*", "TRAINEE"),
            Map.entry("ShiftService.shiftsOf", "SUPERVISOR"),
            Map.entry("ShiftService.result", "TRAINEE,SUPERVISOR"),
            Map.entry("RescoreService.*", "ADMIN"),
            Map.entry("OrganisationAdmin.*", "ADMIN"),
            Map.entry("StaffDirectory.currentProfile", "*"),
            Map.entry("StaffDirectory.setReadAloud", "*"),
            Map.entry("StaffDirectory.myTrainees", "SUPERVISOR"),
            Map.entry("StaffDirectory.myAreaId", "SERVICE_LEAD"),
            Map.entry("StaffDirectory.credentialsFor", "-"),
            Map.entry("StaffDirectory.myTrainee", "SUPERVISOR"),
            Map.entry("StaffDirectory.currentStaffId", "*"),
            Map.entry("TraineeCalls.*", "SUPERVISOR"),
            Map.entry("AreaTrainingStatus.*", "SERVICE_LEAD"),
            Map.entry("AreaAnalysis.*", "SERVICE_LEAD"),
            Map.entry("XapiExport.*", "SERVICE_LEAD"),
            Map.entry("RosterImport.*", "ADMIN"),
            Map.entry("ServiceDirectory.forMyPractice", "*"),
            Map.entry("ServiceDirectory.forPractice", "ADMIN"),
            Map.entry("ServiceDirectory.gaps", "ADMIN"),
            Map.entry("ServiceDirectory.save", "ADMIN"),
            Map.entry("ServiceDirectory.sharedByPcn", "ADMIN"),
            Map.entry("DirectoryCsv.*", "ADMIN"),
            Map.entry("SignOffService.*", "SUPERVISOR"),
            Map.entry("SignOffService.myStatus", "TRAINEE"),
            Map.entry("SignOffService.myCertificate", "TRAINEE"),
            Map.entry("DatabaseBackup.backup", "ADMIN"),
            Map.entry("CompetencyFramework.preview", "ADMIN"),
            Map.entry("CompetencyFramework.apply", "ADMIN"),
            Map.entry("CompetencyFramework.export", "ADMIN"),
            Map.entry("CompetencyFramework.current", "-"),
            Map.entry("DatabaseBackup.available", "-"),
            Map.entry("AuditTrail.latest", "ADMIN"),
            Map.entry("AuditTrail.page", "ADMIN"),
            Map.entry("AuditTrail.count", "ADMIN"),
            Map.entry("AuditTrail.actions", "ADMIN"),
            Map.entry("AuditTrail.verify", "ADMIN"),
            Map.entry("AuditTrail.record", "-"),
            Map.entry("AuditTrail.lastDetail", "-"),
            Map.entry("ScenarioLibrary.reload", "ADMIN"),
            Map.entry("ScenarioLibrary.current", "-"),
            Map.entry("ScenarioLibrary.overdueReviews", "-"),
            Map.entry("ScenarioLibrary.readKept", "-"),
            Map.entry("ScenarioLibrary.addLoadListener", "-"),
            Map.entry("UtteranceMisses.*", "ADMIN"),
            Map.entry("ScenarioReviews.library", "CLINICAL_REVIEWER,ADMIN"),
            Map.entry("ScenarioReviews.version", "CLINICAL_REVIEWER,ADMIN"),
            Map.entry("ScenarioReviews.fileText", "CLINICAL_REVIEWER,ADMIN"),
            Map.entry("ScenarioReviews.decide", "CLINICAL_REVIEWER"),
            Map.entry("ScenarioReviews.approved", "-"),
            Map.entry("ScenarioReviews.approvedInLibrary", "-"),
            Map.entry("ScenarioReviews.assessmentRequiresApproval", "-"));

    private static final List<String> USERS = List.of("trainee1", "supervisor1", "lead1", "reviewer1", "admin");
    private static final Map<String, String> ROLE_OF = Map.of("trainee1", "TRAINEE", "supervisor1", "SUPERVISOR",
            "lead1", "SERVICE_LEAD", "reviewer1", "CLINICAL_REVIEWER", "admin", "ADMIN");

    @Autowired
    ApplicationContext context;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyServiceMethodRefusesEveryWrongRole() throws Exception {
        List<Object> services = List.of(context.getBean(CallService.class), context.getBean(RescoreService.class),
                context.getBean(OrganisationAdmin.class), context.getBean(StaffDirectory.class),
                context.getBean(AuditTrail.class), context.getBean(ScenarioLibrary.class),
                context.getBean(UtteranceMisses.class),
                context.getBean(TraineeCalls.class), context.getBean(SignOffService.class),
                context.getBean(DatabaseBackup.class),
                context.getBean(CompetencyFramework.class),
                context.getBean(AreaTrainingStatus.class),
                context.getBean(AreaAnalysis.class),
                context.getBean(XapiExport.class),
                context.getBean(RosterImport.class),
                context.getBean(DirectoryCsv.class),
                context.getBean(ServiceDirectory.class),
                context.getBean(ScenarioReviews.class), context.getBean(ShiftService.class));
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Object bean : services) {
            Class<?> type = AopUtils.getTargetClass(bean);
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                String name = type.getSimpleName() + "." + m.getName();
                String rule = EXPECTED.getOrDefault(name, EXPECTED.get(type.getSimpleName() + ".*"));
                assertThat(rule).as("no expected access rule for " + name + ": add it to the matrix").isNotNull();
                if (rule.equals("-")) {
                    continue;
                }
                checked.add(name);
                SecurityContextHolder.clearContext();
                if (!refused(bean, m)) {
                    wrong.add(name + " allowed an anonymous caller");
                }
                for (String user : USERS) {
                    signIn(user);
                    boolean allowed = rule.equals("*") || List.of(rule.split(",")).contains(ROLE_OF.get(user));
                    if (allowed == refused(bean, m)) {
                        wrong.add(name + (allowed ? " refused " : " allowed ") + user);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).hasSizeGreaterThan(15);
    }

    /** Calls the method through the Spring proxy with stand-in arguments (nulls, 1, 1.0, "x"); true when security refused it. */
    private static boolean refused(Object bean, Method m) throws Exception {
        Object[] args = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = types[i] == boolean.class ? false : types[i] == int.class ? 1 : types[i] == long.class ? 1L
                    : types[i] == double.class ? 1.0 : types[i] == String.class ? "x" : null;
        }
        Method onProxy = bean.getClass().getMethod(m.getName(), m.getParameterTypes());
        Throwable t = catchThrowable(() -> onProxy.invoke(bean, args));
        Throwable cause = t instanceof InvocationTargetException ite ? ite.getCause() : t;
        return cause instanceof AccessDeniedException || cause instanceof AuthenticationCredentialsNotFoundException;
    }

    private void signIn(String username) {
        SignIn.as(users, username);
    }

}
