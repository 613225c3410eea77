#!/usr/bin/env python3
"""Sanity check for ulasan-id.csv: a tiny word-level LSTM (numpy, hand-written backprop) CAN use word
order on this data, where the bag-of-words baseline (bow_baseline.py) cannot.

    OMP_NUM_THREADS=1 /usr/bin/python3 data/sentiment-id/lstm_check.py [SEED]

Not course material (the course builds its LSTM in Java); kept only so the numbers in
data/README.md can be re-measured. Embedding 16, hidden 32, last hidden state -> logistic output,
Adam lr 0.01, batch 32, 40 epochs; a few seconds on one core.
"""
import csv, os, re, sys, numpy as np
rows=list(csv.DictReader(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ulasan-id.csv'),encoding='utf-8')))
tok=lambda t: re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", t.lower())
train=[r for r in rows if r['split']=='train']; test=[r for r in rows if r['split']=='test']
vocab={'<pad>':0,'<unk>':1}
for r in train:
    for w in tok(r['text']): vocab.setdefault(w,len(vocab))
def enc(rs):
    L=max(len(tok(r['text'])) for r in rs)
    X=np.zeros((len(rs),L),int); M=np.zeros((len(rs),L))
    for i,r in enumerate(rs):
        ids=[vocab.get(w,1) for w in tok(r['text'])]
        X[i,:len(ids)]=ids; M[i,:len(ids)]=1
    return X,M,np.array([int(r['label']) for r in rs],float)
seed=int(sys.argv[1]) if len(sys.argv)>1 else 0
rng=np.random.default_rng(seed)
V,E,H=len(vocab),16,32
P={'emb':rng.normal(0,0.1,(V,E)),'W':rng.normal(0,1/np.sqrt(E+H),(E+H,4*H)),'b':np.zeros(4*H),'wo':rng.normal(0,0.1,H),'bo':np.zeros(1)}
P['b'][H:2*H]=1.0
sig=lambda x:1/(1+np.exp(-x))
def forward(X,M):
    B,T=X.shape; h=np.zeros((B,H)); c=np.zeros((B,H)); cache=[]
    for t in range(T):
        x=P['emb'][X[:,t]]; z=np.concatenate([x,h],1)@P['W']+P['b']
        i,f,o,g=sig(z[:,:H]),sig(z[:,H:2*H]),sig(z[:,2*H:3*H]),np.tanh(z[:,3*H:])
        cn=f*c+i*g; hn=o*np.tanh(cn); m=M[:,t:t+1]
        cache.append((x,h,c,i,f,o,g,cn,m))
        h=m*hn+(1-m)*h; c=m*cn+(1-m)*c
    return h,cache
def step(X,M,y,opt,lr=0.01):
    h,cache=forward(X,M); p=sig(h@P['wo']+P['bo']); B=len(y)
    d=(p-y)/B; G={k:np.zeros_like(v) for k,v in P.items()}
    G['wo']=h.T@d; G['bo']=np.array([d.sum()]); dh=np.outer(d,P['wo']); dc=np.zeros_like(dh)
    for t in reversed(range(X.shape[1])):
        x,hp,cp,i,f,o,g,cn,m=cache[t]
        dhn=dh*m; dcn=dc*m+dhn*o*(1-np.tanh(cn)**2)
        do=dhn*np.tanh(cn); di=dcn*g; df=dcn*cp; dg=dcn*i
        dz=np.concatenate([di*i*(1-i),df*f*(1-f),do*o*(1-o),dg*(1-g**2)],1)
        z_in=np.concatenate([x,hp],1); G['W']+=z_in.T@dz; G['b']+=dz.sum(0)
        dzin=dz@P['W'].T; np.add.at(G['emb'],X[:,t],dzin[:,:E])
        dh=dzin[:,E:]+dh*(1-m); dc=dcn*f+dc*(1-m)
    opt['t']+=1
    for k in P:
        opt['m'][k]=0.9*opt['m'][k]+0.1*G[k]; opt['v'][k]=0.999*opt['v'][k]+0.001*G[k]**2
        mh=opt['m'][k]/(1-0.9**opt['t']); vh=opt['v'][k]/(1-0.999**opt['t'])
        P[k]-=lr*mh/(np.sqrt(vh)+1e-8)
Xtr,Mtr,ytr=enc(train); Xte,Mte,yte=enc(test)
opt={'t':0,'m':{k:np.zeros_like(v) for k,v in P.items()},'v':{k:np.zeros_like(v) for k,v in P.items()}}
def acc(X,M,y,mask=None):
    h,_=forward(X,M); pr=(h@P['wo']+P['bo'])>0
    if mask is None: mask=np.ones(len(y),bool)
    return np.mean(pr[mask]==(y[mask]>0.5))
negcon=np.array([('negation' in r['phenomenon'] or 'contrast' in r['phenomenon']) for r in test])
pairs=np.array([r['pair']!='' for r in test]); plain=~negcon
for ep in range(40):
    perm=rng.permutation(len(train))
    for s in range(0,len(perm),32):
        idx=perm[s:s+32]; step(Xtr[idx],Mtr[idx],ytr[idx],opt)
    if ep%5==4: print(ep+1, 'train %.3f test %.3f plain %.3f negcon %.3f pairs %.3f'%(acc(Xtr,Mtr,ytr),acc(Xte,Mte,yte),acc(Xte,Mte,yte,plain),acc(Xte,Mte,yte,negcon),acc(Xte,Mte,yte,pairs)),flush=True)
