package fr.ent.grades.support;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The test profile's JDBC driver: PostgreSQL's, with every statement executed during an HTTP
 * request counted in that request's {@link StatementCount} (a batch is one round trip). The
 * {@link StatementCountHeader} answers the count in {@code X-Statements}, so that a test can assert
 * how many round trips a page costs, whatever runs in the background meanwhile.
 */
public class CountingDriver implements Driver {

    private final Driver postgres = new org.postgresql.Driver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection c = postgres.connect(url, info);
        return c == null ? null : proxy(Connection.class, c);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (p, method, args) -> {
            String name = method.getName();
            if (type != Connection.class && name.startsWith("execute")) {
                count();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (type == Connection.class) {
                if (result instanceof CallableStatement s) {
                    return proxy(CallableStatement.class, s);
                }
                if (result instanceof PreparedStatement s) {
                    return proxy(PreparedStatement.class, s);
                }
                if (result instanceof Statement s) {
                    return proxy(Statement.class, s);
                }
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[]{type}, handler);
    }

    private static void count() {
        ArcContainer arc = Arc.container();
        if (arc != null && arc.requestContext().isActive()) {
            arc.instance(StatementCount.class).get().increment();
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }
}
