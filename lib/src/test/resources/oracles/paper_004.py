# Oracle for PaperTest: re-runs the numpy code of the lecture paper (section 2.1) with np.random.seed(1)
# exactly as printed there (ba of shape (5,1); forward draws Waa before Wax, backward Wax before Waa;
# LSTM draws Wo, bo before Wc, bc). Run with Debian python3-numpy: /usr/bin/python3 paper_004.py
# Every value the paper prints is reproduced (see PaperTest for the printed values).
import numpy as np
np.set_printoptions(precision=17)
def softmax(x):
    e = np.exp(x - np.max(x, axis=0)); return e / e.sum(axis=0)
def sigmoid(x): return 1/(1+np.exp(-x))
def rnn_cell_forward(xt, a_prev, p):
    a_next = np.tanh(p["Wax"]@xt + p["Waa"]@a_prev + p["ba"])
    yt = softmax(p["Wya"]@a_next + p["by"])
    return a_next, yt, (a_next, a_prev, xt, p)
def rnn_forward(x, a0, p):
    caches=[]; n_x,m,T=x.shape; n_y,n_a=p["Wya"].shape
    a=np.zeros((n_a,m,T)); y=np.zeros((n_y,m,T)); an=a0
    for t in range(T):
        an,yt,c=rnn_cell_forward(x[:,:,t],an,p); a[:,:,t]=an; y[:,:,t]=yt; caches.append(c)
    return a,y,(caches,x)
def lstm_cell_forward(xt,a_prev,c_prev,p):
    n_x,m=xt.shape; n_y,n_a=p["Wy"].shape
    concat=np.concatenate([a_prev,xt],0)
    ft=sigmoid(p["Wf"]@concat+p["bf"]); it=sigmoid(p["Wi"]@concat+p["bi"])
    cct=np.tanh(p["Wc"]@concat+p["bc"]); c_next=c_prev*ft+it*cct
    ot=sigmoid(p["Wo"]@concat+p["bo"]); a_next=ot*np.tanh(c_next)
    yt=softmax(p["Wy"]@a_next+p["by"])
    return a_next,c_next,yt,(a_next,c_next,a_prev,c_prev,ft,it,cct,ot,xt,p)
def lstm_forward(x,a0,p):
    caches=[]; n_x,m,T=x.shape; n_y,n_a=p["Wy"].shape
    a=np.zeros((n_a,m,T)); c=np.zeros((n_a,m,T)); y=np.zeros((n_y,m,T))
    an=a0; cn=np.zeros((n_a,m))
    for t in range(T):
        an,cn,yt,ca=lstm_cell_forward(x[:,:,t],an,cn,p); a[:,:,t]=an; y[:,:,t]=yt; c[:,:,t]=cn; caches.append(ca)
    return a,y,c,(caches,x)
def rnn_cell_backward(da_next,cache):
    a_next,a_prev,xt,p=cache
    dtanh=1-a_next**2; g=da_next*dtanh
    return {"dxt":p["Wax"].T@g,"dWax":g@xt.T,"da_prev":p["Waa"].T@g,"dWaa":g@a_prev.T,"dba":g.sum(1,keepdims=True)}
def rnn_backward(da,caches):
    caches,x=caches; a1,a0,x1,p=caches[0]
    n_a,m,T=da.shape; n_x,m=x1.shape
    dx=np.zeros((n_x,m,T)); dWax=np.zeros((n_a,n_x)); dWaa=np.zeros((n_a,n_a)); dba=np.zeros((n_a,1)); dap=np.zeros((n_a,m))
    for t in reversed(range(T)):
        g=rnn_cell_backward(da[:,:,t]+dap,caches[t]); dx[:,:,t]=g["dxt"]; dap=g["da_prev"]; dWax+=g["dWax"]; dWaa+=g["dWaa"]; dba+=g["dba"]
    return {"dx":dx,"da0":dap,"dWax":dWax,"dWaa":dWaa,"dba":dba}
def lstm_cell_backward(da_next,dc_next,cache):
    (a_next,c_next,a_prev,c_prev,ft,it,cct,ot,xt,p)=cache
    n_x,m=xt.shape; n_a,m=a_next.shape
    tc=np.tanh(c_next); dc=da_next*ot*(1-tc**2)+dc_next
    dot=da_next*tc*ot*(1-ot); dcct=dc*it*(1-cct**2); dit=dc*cct*it*(1-it); dft=dc*c_prev*ft*(1-ft)
    concat=np.concatenate([a_prev,xt],0)
    g={"dWf":dft@concat.T,"dWi":dit@concat.T,"dWc":dcct@concat.T,"dWo":dot@concat.T,
       "dbf":dft.sum(1,keepdims=True),"dbi":dit.sum(1,keepdims=True),"dbc":dcct.sum(1,keepdims=True),"dbo":dot.sum(1,keepdims=True)}
    dap=p["Wf"].T@dft+p["Wo"].T@dot+p["Wi"].T@dit+p["Wc"].T@dcct
    g["da_prev"]=dap[:n_a]; g["dxt"]=dap[n_a:]; g["dc_prev"]=dc*ft
    return g
R=np.random.randn
print("== rnn_cell_forward")
np.random.seed(1)
xt=R(3,10); a_prev=R(5,10); Waa=R(5,5); Wax=R(5,3); Wya=R(2,5); ba=R(5,1); by=R(2,1)
p=dict(Waa=Waa,Wax=Wax,Wya=Wya,ba=ba,by=by)
an,yt,_=rnn_cell_forward(xt,a_prev,p); print("a_next[4]",an[4]); print("yt_pred[1]",yt[1])
print("== rnn_forward")
np.random.seed(1)
x=R(3,10,4); a0=R(5,10); Waa=R(5,5); Wax=R(5,3); Wya=R(2,5); ba=R(5,1); by=R(2,1)
p=dict(Waa=Waa,Wax=Wax,Wya=Wya,ba=ba,by=by)
a,y,caches=rnn_forward(x,a0,p); print("a[4][1]",a[4][1]); print("y_pred[1][3]",y[1][3]); print("caches[1][1][3]",caches[1][1][3])
print("== lstm_cell_forward")
np.random.seed(1)
xt=R(3,10); a_prev=R(5,10); c_prev=R(5,10); Wf=R(5,8); bf=R(5,1); Wi=R(5,8); bi=R(5,1); Wo=R(5,8); bo=R(5,1); Wc=R(5,8); bc=R(5,1); Wy=R(2,5); by=R(2,1)
p=dict(Wf=Wf,Wi=Wi,Wo=Wo,Wc=Wc,Wy=Wy,bf=bf,bi=bi,bo=bo,bc=bc,by=by)
an,cn,yt,cache=lstm_cell_forward(xt,a_prev,c_prev,p)
print("a_next[4]",an[4]); print("c_next[2]",cn[2]); print("yt[1]",yt[1]); print("cache[1][3]",cache[1][3])
print("== lstm_forward")
np.random.seed(1)
x=R(3,10,7); a0=R(5,10); Wf=R(5,8); bf=R(5,1); Wi=R(5,8); bi=R(5,1); Wo=R(5,8); bo=R(5,1); Wc=R(5,8); bc=R(5,1); Wy=R(2,5); by=R(2,1)
p=dict(Wf=Wf,Wi=Wi,Wo=Wo,Wc=Wc,Wy=Wy,bf=bf,bi=bi,bo=bo,bc=bc,by=by)
a,y,c,caches=lstm_forward(x,a0,p)
print("a[4][3][6]",repr(a[4][3][6])); print("y[1][4][3]",repr(y[1][4][3])); print("caches[1][1][1]",caches[1][1][1]); print("c[1][2][1]",repr(c[1][2][1]))
print("== rnn_cell_backward")
np.random.seed(1)
xt=R(3,10); a_prev=R(5,10); Wax=R(5,3); Waa=R(5,5); Wya=R(2,5); ba=R(5,1); by=R(2,1)
p=dict(Wax=Wax,Waa=Waa,Wya=Wya,ba=ba,by=by)
an,yt,cache=rnn_cell_forward(xt,a_prev,p); da_next=R(5,10); g=rnn_cell_backward(da_next,cache)
for k,ix in [("dxt",(1,2)),("da_prev",(2,3)),("dWax",(3,1)),("dWaa",(1,2)),("dba",(4,))]: print(k,ix,repr(g[k][ix]))
print("== rnn_backward")
np.random.seed(1)
x=R(3,10,4); a0=R(5,10); Wax=R(5,3); Waa=R(5,5); Wya=R(2,5); ba=R(5,1); by=R(2,1)
p=dict(Wax=Wax,Waa=Waa,Wya=Wya,ba=ba,by=by)
a,y,caches=rnn_forward(x,a0,p); da=R(5,10,4); g=rnn_backward(da,caches)
for k,ix in [("dx",(1,2)),("da0",(2,3)),("dWax",(3,1)),("dWaa",(1,2)),("dba",(4,))]: print(k,ix,repr(g[k][ix]))
print("== lstm_cell_backward")
np.random.seed(1)
xt=R(3,10); a_prev=R(5,10); c_prev=R(5,10); Wf=R(5,8); bf=R(5,1); Wi=R(5,8); bi=R(5,1); Wo=R(5,8); bo=R(5,1); Wc=R(5,8); bc=R(5,1); Wy=R(2,5); by=R(2,1)
p=dict(Wf=Wf,Wi=Wi,Wo=Wo,Wc=Wc,Wy=Wy,bf=bf,bi=bi,bo=bo,bc=bc,by=by)
an,cn,yt,cache=lstm_cell_forward(xt,a_prev,c_prev,p); da_next=R(5,10); dc_next=R(5,10)
g=lstm_cell_backward(da_next,dc_next,cache)
for k,ix in [("dxt",(1,2)),("da_prev",(2,3)),("dc_prev",(2,3)),("dWf",(3,1)),("dWi",(1,2)),("dWc",(3,1)),("dWo",(1,2)),("dbf",(4,)),("dbi",(4,)),("dbc",(4,)),("dbo",(4,))]: print(k,ix,repr(g[k][ix]))
