import time, cProfile, pstats, sys
from pathlib import Path
from jpdocs.spec import load_spec
from jpdocs.build import style_for, make_documents, render_files
p=Path("specs/2024-02-27-okhotsk-kitami.yaml")
l=load_spec(p); s=style_for(l); docs=make_documents(l,s); render_files(docs[0],s)
def stage(name, f, n=30):
    t=time.perf_counter()
    for _ in range(n): r=f()
    print(f"{name:12s} {1000*(time.perf_counter()-t)/n:6.1f} ms"); return r
stage("load", lambda: load_spec(p))
stage("style", lambda: style_for(l))
stage("make", lambda: make_documents(l,s))
stage("pdf", lambda: render_files(docs[0],s,("pdf",)))
stage("docx", lambda: render_files(docs[0],s,("docx",)))
which=sys.argv[1] if len(sys.argv)>1 else None
if which:
    f={"load":lambda: load_spec(p),"make":lambda: make_documents(l,s),"pdf":lambda: render_files(docs[0],s,("pdf",)),"docx":lambda: render_files(docs[0],s,("docx",)),"style":lambda: style_for(l)}[which]
    pr=cProfile.Profile(); pr.enable()
    for _ in range(20): f()
    pr.disable(); pstats.Stats(pr).sort_stats("tottime").print_stats(25)
