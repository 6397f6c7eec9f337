import java.io.FileOutputStream;
import java.io.OutputStream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

/** Runs SPARQL queries with Jena ARQ on one dataset: JenaRunner DATA.nq QUERY.rq OUT [QUERY.rq OUT]...
 *  SELECT and ASK answers are written as SPARQL JSON results, CONSTRUCT and DESCRIBE as N-Triples. */
public class JenaRunner {
    public static void main(String[] args) throws Exception {
        Dataset dataset = RDFDataMgr.loadDataset(args[0]);
        for (int i = 1; i + 1 < args.length; i += 2) {
            Query query = QueryFactory.read(args[i]);
            try (QueryExecution execution = QueryExecutionFactory.create(query, dataset);
                 OutputStream out = new FileOutputStream(args[i + 1])) {
                if (query.isSelectType()) {
                    ResultSetFormatter.outputAsJSON(out, execution.execSelect());
                } else if (query.isAskType()) {
                    ResultSetFormatter.outputAsJSON(out, execution.execAsk());
                } else {
                    RDFDataMgr.write(out, query.isConstructType() ? execution.execConstruct()
                                                                  : execution.execDescribe(), Lang.NTRIPLES);
                }
            }
        }
    }
}
