package ai.assetlibrary.server.http;

import ai.assetlibrary.server.errors.ConstraintViolationMapper;
import jakarta.validation.ParameterNameProvider;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.ContextResolver;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.validation.ValidationConfig;

/**
 * Bean Validation for the resources: a violation names a parameter as the request does ({@code
 * size}, {@code Idempotency-Key}), and a method's entity {@code body}. The names come from the
 * JAX-RS annotations of the generated interface that a resource method implements.
 */
public final class ValidationSettings implements ContextResolver<ValidationConfig> {

  private final RequestParameterNames parameterNames = new RequestParameterNames();

  @Override
  public ValidationConfig getContext(Class<?> type) {
    return new ValidationConfig().parameterNameProvider(parameterNames);
  }

  /**
   * Parameter names as the HTTP request spells them, read once per method: the validator asks on
   * every request it validates.
   */
  static final class RequestParameterNames implements ParameterNameProvider {

    private final Map<Method, List<String>> namesByMethod = new ConcurrentHashMap<>();

    @Override
    public List<String> getParameterNames(Constructor<?> constructor) {
      return positional(constructor);
    }

    @Override
    public List<String> getParameterNames(Method method) {
      return namesByMethod.computeIfAbsent(method, RequestParameterNames::namesOf);
    }

    private static List<String> namesOf(Method method) {
      Annotation[][] annotations = declaringInterfaceMethod(method).getParameterAnnotations();
      List<String> names = new ArrayList<>(annotations.length);
      for (int i = 0; i < annotations.length; i++) {
        names.add(nameOf(annotations[i], i));
      }
      return List.copyOf(names);
    }

    private static String nameOf(Annotation[] annotations, int index) {
      for (Annotation annotation : annotations) {
        if (annotation instanceof QueryParam q) {
          return q.value();
        } else if (annotation instanceof PathParam p) {
          return p.value();
        } else if (annotation instanceof HeaderParam h) {
          return h.value();
        } else if (annotation instanceof FormParam f) {
          return f.value();
        } else if (annotation instanceof CookieParam c) {
          return c.value();
        } else if (annotation instanceof MatrixParam m) {
          return m.value();
        } else if (annotation instanceof Context) {
          return "context" + index;
        }
      }
      return ConstraintViolationMapper.BODY;
    }

    /** The interface method {@code method} implements (where the annotations are), or itself. */
    private static Method declaringInterfaceMethod(Method method) {
      for (Class<?> type : method.getDeclaringClass().getInterfaces()) {
        try {
          return type.getMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
          // Not this interface's.
        }
      }
      return method;
    }

    private static List<String> positional(Executable executable) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < executable.getParameterCount(); i++) {
        names.add("arg" + i);
      }
      return names;
    }
  }
}
